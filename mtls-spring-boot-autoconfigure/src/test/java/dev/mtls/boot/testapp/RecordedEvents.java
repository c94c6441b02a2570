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
package dev.mtls.boot.testapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.mtls.boot.event.ClientAuthorizationEvent;
import dev.mtls.boot.ssl.MaterialReloadFailedEvent;
import dev.mtls.boot.ssl.MaterialReloadedEvent;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.EventListener;

/**
 * Records the starter's application events for assertions.
 *
 * @author mtls-spring-boot authors
 */
public class RecordedEvents {

	private final List<ApplicationEvent> events = new CopyOnWriteArrayList<>();

	@EventListener({ MaterialReloadedEvent.class, MaterialReloadFailedEvent.class, ClientAuthorizationEvent.class })
	void on(ApplicationEvent event) {
		this.events.add(event);
	}

	public <T extends ApplicationEvent> List<T> of(Class<T> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	public void clear() {
		this.events.clear();
	}

}
