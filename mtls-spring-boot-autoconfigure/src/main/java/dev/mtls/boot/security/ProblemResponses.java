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

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Writes RFC 9457 problem details ({@code application/problem+json}) for refused calls:
 * 401 without a client certificate, 403 with the refused identity for a denied call or a
 * refused identity. Bodies name the client and the request, never internals.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
				"A verified client certificate is required to call " + endpoint(request) + ".", request, null);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String client = (authentication != null) ? authentication.getName() : null;
		denied(request, response, client);
	}

	/**
	 * Write a 403 for a client that is not allowed to call the requested endpoint.
	 * @param request the request
	 * @param response the response
	 * @param client the refused client identity, if known
	 * @throws IOException on write failure
	 */
	public void denied(HttpServletRequest request, HttpServletResponse response, @Nullable String client)
			throws IOException {
		String detail = (client != null) ? "Client '" + client + "' is not allowed to call " + endpoint(request) + "."
				: "The client is not allowed to call " + endpoint(request) + ".";
		write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", detail, request, client);
	}

	/**
	 * Write a 403 for a client whose certificate carries no acceptable identity.
	 * @param request the request
	 * @param response the response
	 * @param refused why the identity was refused
	 * @throws IOException on write failure
	 */
	public void refused(HttpServletRequest request, HttpServletResponse response, IdentityRefusedException refused)
			throws IOException {
		write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
				"Client identity refused: " + refused.getMessage() + ".", request, refused.getIdentity());
	}

	private static String endpoint(HttpServletRequest request) {
		return request.getMethod() + " " + request.getRequestURI();
	}

	private static void write(HttpServletResponse response, int status, String title, String detail,
			HttpServletRequest request, @Nullable String client) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		StringBuilder json = new StringBuilder(256).append("{\"type\":\"about:blank\",\"title\":\"")
			.append(title)
			.append("\",\"status\":")
			.append(status)
			.append(",\"detail\":");
		string(json, detail).append(",\"instance\":");
		string(json, request.getRequestURI());
		if (client != null) {
			string(json.append(",\"client\":"), client);
		}
		byte[] body = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

	private static StringBuilder string(StringBuilder json, String value) {
		json.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) {
						json.append("\\u").append(String.format("%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"');
	}

}
