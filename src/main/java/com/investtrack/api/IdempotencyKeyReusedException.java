package com.investtrack.api;

/**
 * An Idempotency-Key sent again with a different request than the one it first came with;
 * answered 422.
 */
class IdempotencyKeyReusedException extends RuntimeException {

	IdempotencyKeyReusedException() {
		super("This Idempotency-Key was already used for a different request; use a new key for a new request");
	}

}
