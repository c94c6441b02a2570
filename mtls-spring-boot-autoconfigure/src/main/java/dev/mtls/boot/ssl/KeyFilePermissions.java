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
package dev.mtls.boot.ssl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.log.LogMessage;

/**
 * Warns when the private key file of a bundle can be read by every user of the machine.
 *
 * @author mtls-spring-boot authors
 */
final class KeyFilePermissions {

	private static final Log logger = LogFactory.getLog(KeyFilePermissions.class);

	private KeyFilePermissions() {
	}

	static void warnIfWorldReadable(BundleDescription description, ResourceLoader resourceLoader) {
		String location = description.privateKeyLocation();
		if (location == null) {
			return;
		}
		try {
			Resource resource = resourceLoader.getResource(location);
			if (!resource.isFile()) {
				return;
			}
			Path file = resource.getFile().toPath();
			if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
				return;
			}
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
			if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
				logger.warn(LogMessage.format(
						"The private key of SSL bundle '%s' (%s) is readable by every user of this machine (%s); restrict it, for example: chmod 600 %s",
						description.name(), description.privateKey(), PosixFilePermissions.toString(permissions),
						file));
			}
		}
		catch (IOException | RuntimeException ex) {
			// Not a local file we can inspect
		}
	}

}
