package io.greenlang.runtime.api.audit;

/**
 * The body of an error response.
 *
 * @param field the request field at fault (path, query or body), {@code null} when none is
 * @param message what is wrong, naming the field
 */
public record ApiError(String field, String message) {}
