package io.greenlang.runtime.api.audit;

import java.util.List;

/**
 * A page of a tenant's chain in sequence order.
 *
 * @param tenant the chain's tenant
 * @param entries the entries, at most the requested limit
 * @param next the {@code from} of the next page, {@code null} when this page reached {@code to} or
 *     the end of the chain
 */
public record AuditPageView(String tenant, List<AuditEntryView> entries, Long next) {}
