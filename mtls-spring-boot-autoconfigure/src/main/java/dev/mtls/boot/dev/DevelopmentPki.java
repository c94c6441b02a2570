/*
 * Copyright 2026 the mtls-spring-boot authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.mtls.boot.dev;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import dev.mtls.boot.ssl.PemFiles;
import org.jspecify.annotations.Nullable;

/**
 * The files of the development PKI: one certificate authority per directory and one
 * certificate per service, created on first use and reused afterwards. A file lock (and a
 * JVM-wide lock for applications in the same process) makes sure that services starting
 * at the same time share one authority.
 *
 * @author mtls-spring-boot authors
 */
final class DevelopmentPki {

	static final Duration AUTHORITY_VALIDITY = Duration.ofDays(365);

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

	private static final Pattern TRUST_DOMAIN = Pattern.compile("[a-z0-9._-]+");

	private static final Object JVM_LOCK = new Object();

	private final Path directory;

	private final String trustDomain;

	private final Duration validity;

	private final Clock clock;

	DevelopmentPki(Path directory, String trustDomain, Duration validity, Clock clock) {
		this.directory = directory.toAbsolutePath().normalize();
		this.trustDomain = trustDomain;
		this.validity = validity;
		this.clock = clock;
	}

	ServiceFiles ensure(String serviceName) {
		if (!NAME.matcher(serviceName).matches()) {
			throw new DevelopmentPkiException(
					"The application name '%s' cannot name a development certificate: it must match %s."
						.formatted(serviceName, NAME.pattern()),
					"Set spring.application.name to a name made of letters, digits, '.', '_' and '-'.", null);
		}
		if (!TRUST_DOMAIN.matcher(this.trustDomain).matches()) {
			throw new DevelopmentPkiException(
					"mtls.dev.trust-domain '%s' is not a valid SPIFFE trust domain.".formatted(this.trustDomain),
					"Set mtls.dev.trust-domain to lowercase letters, digits, '.', '_' and '-' (for example example.org).",
					null);
		}
		try {
			synchronized (JVM_LOCK) {
				Files.createDirectories(this.directory);
				restrict(this.directory, "rwx------");
				try (FileChannel channel = FileChannel.open(this.directory.resolve(".lock"), StandardOpenOption.CREATE,
						StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
					Authority authority = authority();
					return service(authority, serviceName);
				}
			}
		}
		catch (DevelopmentPkiException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new DevelopmentPkiException(
					"Unable to create development certificates in %s: %s".formatted(this.directory, ex.getMessage()),
					"Check that mtls.dev.directory names a writable directory, or delete it to start afresh.", ex);
		}
	}

	private Authority authority() throws Exception {
		Path certificateFile = this.directory.resolve("ca.crt");
		Path keyFile = this.directory.resolve("ca.key");
		Authority existing = readAuthority(certificateFile, keyFile);
		if (existing != null) {
			return existing;
		}
		KeyPair keyPair = DevelopmentCertificates.generateKeyPair();
		X509Certificate certificate = DevelopmentCertificates.authority(keyPair, this.trustDomain, this.clock.instant(),
				AUTHORITY_VALIDITY);
		write(keyFile, pem("PRIVATE KEY", keyPair.getPrivate().getEncoded()));
		write(certificateFile, pem("CERTIFICATE", certificate.getEncoded()));
		return new Authority(certificate, keyPair.getPrivate());
	}

	private @Nullable Authority readAuthority(Path certificateFile, Path keyFile) {
		try {
			if (!Files.isRegularFile(certificateFile) || !Files.isRegularFile(keyFile)) {
				return null;
			}
			X509Certificate certificate = PemFiles.readCertificates(certificateFile).get(0);
			PrivateKey key = PemFiles.readPrivateKey(keyFile);
			boolean usable = key != null && PemFiles.matches(key, certificate)
					&& certificate.getSubjectX500Principal().getName().contains("Development CA " + this.trustDomain)
					&& remaining(certificate).compareTo(Duration.ofDays(1)) > 0;
			return usable ? new Authority(certificate, key) : null;
		}
		catch (Exception ex) {
			return null;
		}
	}

	private ServiceFiles service(Authority authority, String serviceName) throws Exception {
		Path serviceDirectory = this.directory.resolve(serviceName);
		Path certificateFile = serviceDirectory.resolve("tls.crt");
		Path keyFile = serviceDirectory.resolve("tls.key");
		String spiffeId = "spiffe://" + this.trustDomain + "/" + serviceName;
		boolean reused = isUsable(certificateFile, keyFile, authority, spiffeId);
		if (!reused) {
			Files.createDirectories(serviceDirectory);
			restrict(serviceDirectory, "rwx------");
			KeyPair keyPair = DevelopmentCertificates.generateKeyPair();
			X509Certificate certificate = DevelopmentCertificates.service(keyPair, serviceName, spiffeId,
					authority.certificate(), authority.key(), this.clock.instant(), this.validity);
			write(keyFile, pem("PRIVATE KEY", keyPair.getPrivate().getEncoded()));
			write(certificateFile, pem("CERTIFICATE", certificate.getEncoded()));
		}
		return new ServiceFiles(certificateFile, keyFile, this.directory.resolve("ca.crt"), spiffeId, !reused);
	}

	private boolean isUsable(Path certificateFile, Path keyFile, Authority authority, String spiffeId) {
		try {
			if (!Files.isRegularFile(certificateFile) || !Files.isRegularFile(keyFile)) {
				return false;
			}
			X509Certificate certificate = PemFiles.readCertificates(certificateFile).get(0);
			PrivateKey key = PemFiles.readPrivateKey(keyFile);
			certificate.verify(authority.certificate().getPublicKey());
			return key != null && PemFiles.matches(key, certificate) && hasUri(certificate, spiffeId)
					&& remaining(certificate).compareTo(this.validity.dividedBy(4)) > 0;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private Duration remaining(X509Certificate certificate) {
		return Duration.between(this.clock.instant(), certificate.getNotAfter().toInstant());
	}

	private static boolean hasUri(X509Certificate certificate, String uri) throws CertificateParsingException {
		Collection<List<?>> names = certificate.getSubjectAlternativeNames();
		if (names == null) {
			return false;
		}
		for (List<?> name : names) {
			if (Integer.valueOf(6).equals(name.get(0)) && uri.equals(name.get(1))) {
				return true;
			}
		}
		return false;
	}

	private static String pem(String type, byte[] der) {
		String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
	}

	private static void write(Path file, String content) throws IOException {
		Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
		try {
			restrict(temporary, "rw-------");
			Files.writeString(temporary, content, StandardCharsets.US_ASCII);
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static void restrict(Path path, String permissions) throws IOException {
		if (Files.getFileAttributeView(path, PosixFileAttributeView.class) != null) {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
		}
	}

	private record Authority(X509Certificate certificate, PrivateKey key) {
	}

	/**
	 * The files of one service.
	 *
	 * @param certificate the service certificate (PEM)
	 * @param privateKey the service private key (PKCS#8 PEM)
	 * @param trust the certificate of the development CA (PEM)
	 * @param spiffeId the SPIFFE ID in the certificate
	 * @param created whether the certificate was issued now rather than reused
	 */
	record ServiceFiles(Path certificate, Path privateKey, Path trust, String spiffeId, boolean created) {
	}

}
