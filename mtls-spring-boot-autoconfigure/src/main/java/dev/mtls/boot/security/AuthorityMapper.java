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
package dev.mtls.boot.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Maps a client identity to its authorities, from {@code mtls.authorization.clients}:
 * every pattern that matches the identity's name contributes its authorities. Every
 * identity also gets Spring Security's {@code FACTOR_X509} authority.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class AuthorityMapper {

	private final List<Entry> entries;

	/**
	 * Create a mapper.
	 * @param clients authorities keyed by identity pattern
	 */
	public AuthorityMapper(Map<String, List<String>> clients) {
		List<Entry> entries = new ArrayList<>();
		clients.forEach((pattern, authorities) -> entries.add(new Entry(ClientPattern.compile(pattern),
				authorities.stream().map(SimpleGrantedAuthority::new).map(GrantedAuthority.class::cast).toList())));
		this.entries = List.copyOf(entries);
	}

	/**
	 * Return the authorities of an identity.
	 * @param identity the identity
	 * @return the authorities, {@code FACTOR_X509} first
	 */
	public List<GrantedAuthority> authorities(ClientIdentity identity) {
		Set<GrantedAuthority> authorities = new LinkedHashSet<>();
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.X509_AUTHORITY));
		for (Entry entry : this.entries) {
			if (entry.pattern().matches(identity.name())) {
				authorities.addAll(entry.authorities());
			}
		}
		return List.copyOf(authorities);
	}

	private record Entry(ClientPattern pattern, List<GrantedAuthority> authorities) {
	}

}
