package com.investtrack.common;

import java.util.List;
import java.util.function.Function;

/** One page of a list that grows, with what a client needs to ask for the next one. */
public record PageResult<T>(List<T> content, int page, int size, long totalElements) {

	public int totalPages() {
		return size == 0 ? 0 : (int) ((totalElements + size - 1) / size);
	}

	public <R> PageResult<R> map(Function<T, R> mapper) {
		return new PageResult<>(content.stream().map(mapper).toList(), page, size, totalElements);
	}

}
