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

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogMessage;

/**
 * Watches the directories that hold a bundle's files, on one daemon thread: file events
 * are debounced by a quiet period, a periodic content check catches events that were
 * lost, and a check may ask to be repeated after a delay. It watches the directory of
 * each file as configured (where Kubernetes swaps its {@code ..data} link, where files
 * are renamed over and recreated) and the directory of the file each link resolves to
 * (where a link into another directory changes).
 *
 * @author mtls-spring-boot authors
 */
final class MaterialWatcher implements Closeable {

	private static final Log logger = LogFactory.getLog(MaterialWatcher.class);

	private final String name;

	private final List<Path> files;

	private final long quietNanos;

	private final long pollNanos;

	private final Supplier<@Nullable Duration> check;

	private final Map<Path, WatchKey> keys = new HashMap<>();

	private @Nullable WatchService watchService;

	private @Nullable Thread thread;

	private volatile boolean running;

	/**
	 * Create a watcher.
	 * @param name the name of what is watched, for the thread name
	 * @param files the files
	 * @param quietPeriod the quiet period after file events
	 * @param pollInterval the interval of the content check
	 * @param check the check to run; returns when to run it again, or {@code null}
	 */
	MaterialWatcher(String name, List<Path> files, Duration quietPeriod, Duration pollInterval,
			Supplier<@Nullable Duration> check) {
		this.name = name;
		this.files = List.copyOf(files);
		this.quietNanos = Math.max(0, quietPeriod.toNanos());
		this.pollNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(10), pollInterval.toNanos());
		this.check = check;
	}

	synchronized void start() throws IOException {
		this.watchService = FileSystems.getDefault().newWatchService();
		registerDirectories();
		this.running = true;
		Thread thread = new Thread(this::run, "mtls-reload-" + this.name);
		thread.setDaemon(true);
		thread.start();
		this.thread = thread;
	}

	@Override
	public synchronized void close() {
		this.running = false;
		if (this.watchService != null) {
			try {
				this.watchService.close();
			}
			catch (IOException ex) {
				// Closing anyway
			}
		}
		if (this.thread != null) {
			this.thread.interrupt();
		}
	}

	private void run() {
		long nextPoll = System.nanoTime() + this.pollNanos;
		long dirtyDeadline = Long.MAX_VALUE;
		long recheckAt = Long.MAX_VALUE;
		WatchService watchService = this.watchService;
		while (this.running && watchService != null) {
			try {
				long wake = Math.min(nextPoll, Math.min(dirtyDeadline, recheckAt));
				WatchKey key = watchService.poll(Math.max(1, wake - System.nanoTime()), TimeUnit.NANOSECONDS);
				while (key != null) {
					key.pollEvents();
					key.reset();
					dirtyDeadline = System.nanoTime() + this.quietNanos;
					key = watchService.poll();
				}
				long now = System.nanoTime();
				boolean due = false;
				if (now >= dirtyDeadline) {
					dirtyDeadline = Long.MAX_VALUE;
					due = true;
				}
				if (now >= recheckAt) {
					recheckAt = Long.MAX_VALUE;
					due = true;
				}
				if (now >= nextPoll) {
					nextPoll = now + this.pollNanos;
					due = true;
				}
				if (due) {
					recheckAt = check(now);
					registerDirectories();
				}
			}
			catch (InterruptedException | ClosedWatchServiceException ex) {
				return;
			}
			catch (RuntimeException ex) {
				logger.error(LogMessage.format("Unexpected failure while watching the files of %s", this.name), ex);
			}
		}
	}

	private long check(long now) {
		Duration again = this.check.get();
		return (again != null) ? now + Math.max(1, again.toNanos()) : Long.MAX_VALUE;
	}

	private synchronized void registerDirectories() {
		if (this.watchService == null) {
			return;
		}
		Set<Path> directories = new LinkedHashSet<>();
		for (Path file : this.files) {
			addDirectory(directories, file.getParent());
			try {
				if (Files.exists(file)) {
					addDirectory(directories, file.toRealPath().getParent());
				}
			}
			catch (IOException ex) {
				// The link changes under us: the next check registers again
			}
		}
		this.keys.entrySet().removeIf((entry) -> {
			boolean stale = !directories.contains(entry.getKey()) || !entry.getValue().isValid();
			if (stale) {
				entry.getValue().cancel();
			}
			return stale;
		});
		for (Path directory : directories) {
			if (!this.keys.containsKey(directory) && Files.isDirectory(directory)) {
				try {
					this.keys.put(directory, directory.register(this.watchService, StandardWatchEventKinds.ENTRY_CREATE,
							StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE));
				}
				catch (IOException | ClosedWatchServiceException ex) {
					if (logger.isDebugEnabled()) {
						logger.debug(
								LogMessage.format("Unable to watch %s; the periodic check still covers it", directory));
					}
				}
			}
		}
	}

	private static void addDirectory(Set<Path> directories, @Nullable Path directory) {
		if (directory != null) {
			directories.add(directory);
		}
	}

}
