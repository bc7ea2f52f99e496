package io.greenlang.runtime.schema;

/**
 * What {@link RuntimeSchema#migrate} did.
 *
 * @param appliedMigrations how many migrations this call applied (0 when the database was current)
 * @param schemaVersion the schema version after the call, e.g. {@code "2"}
 */
public record MigrationResult(int appliedMigrations, String schemaVersion) {}
