package com.investtrack.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Runs the independent parts of one page (the dashboard's panels, the bulletin page's
 * counts and figures) side by side, so that after a change the page takes about the time
 * of its slowest part rather than of all of them in turn. The threads are a fixed few
 * shared by every request: the parts of many pages at once hold no more database
 * connections than that (the pool has ten) and wait their turn instead. Each part runs in
 * the language of the request that started it; its failure is rethrown by {@link #join}
 * as the request's own, as if the part had been computed in turn.
 * <p>
 * A request that waits for its parts should hold no transaction: its connection would sit
 * idle while the parts take others.
 */
@Component
public class SideBySide {

	/** Threads running parts at once, over all requests. */
	static final int THREADS = 4;

	private final AtomicInteger count = new AtomicInteger();

	private final ExecutorService threads = Executors.newFixedThreadPool(THREADS, r -> {
		Thread t = new Thread(r, "page-part-" + count.incrementAndGet());
		t.setDaemon(true);
		return t;
	});

	/** Starts a part on the shared threads, in the calling request's language. */
	public <T> CompletableFuture<T> start(Supplier<T> part) {
		LocaleContext locale = LocaleContextHolder.getLocaleContext();
		return CompletableFuture.supplyAsync(() -> {
			LocaleContext previous = LocaleContextHolder.getLocaleContext();
			LocaleContextHolder.setLocaleContext(locale);
			try {
				return part.get();
			}
			finally {
				LocaleContextHolder.setLocaleContext(previous);
			}
		}, threads);
	}

	/** A part's result, or its failure as the caller's own. */
	public static <T> T join(CompletableFuture<T> part) {
		try {
			return part.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	@PreDestroy
	void stop() {
		threads.shutdown();
	}

}
