package io.greenlang.runtime.llm.usage;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Usage aggregated per tenant per UTC day and per UTC month, summed by PostgreSQL in exact {@code
 * numeric}. As a tenant's login role, row-level security limits the sums to the tenant's own rows;
 * as an owner role they cover every tenant.
 */
public final class UsageTotals {

  /**
   * One tenant's totals for one period.
   *
   * @param tenant the tenant
   * @param period such as {@code 2026-11} or {@code 2026-11-26}
   * @param calls succeeded attempts
   * @param failedOrRefused attempts that failed or were refused
   * @param inputTokens input tokens billed
   * @param outputTokens output tokens billed
   * @param cost the exact cost at list price
   * @param billed the cost with overage at 1.5x
   */
  public record Total(
      String tenant,
      String period,
      long calls,
      long failedOrRefused,
      long inputTokens,
      long outputTokens,
      BigDecimal cost,
      BigDecimal billed) {}

  private static final String SUMS =
      "SELECT tenant_id, count(*) FILTER (WHERE status = 'succeeded'),"
          + " count(*) FILTER (WHERE status <> 'succeeded'), coalesce(sum(input_tokens), 0),"
          + " coalesce(sum(output_tokens), 0), coalesce(sum(cost_usd), 0),"
          + " coalesce(sum(billed_usd), 0)"
          + " FROM greenlang.llm_usage WHERE created_at >= ? AND created_at < ?";

  private final DataSource dataSource;

  public UsageTotals(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Per tenant, the totals of {@code month} (UTC). */
  public List<Total> month(YearMonth month) throws SQLException {
    return totals(
        month.atDay(1),
        month.plusMonths(1).atDay(1),
        month.toString(),
        SUMS + " GROUP BY tenant_id");
  }

  /** Per tenant and UTC day of {@code month}, the daily totals, ordered by tenant and day. */
  public List<Total> days(YearMonth month) throws SQLException {
    String sql =
        "SELECT tenant_id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,"
            + SUMS.substring("SELECT tenant_id,".length())
            + " GROUP BY tenant_id, day ORDER BY tenant_id, day";
    List<Total> totals = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      bindRange(query, month.atDay(1), month.plusMonths(1).atDay(1));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          totals.add(total(rows, rows.getString(2), 3));
        }
      }
    }
    return totals;
  }

  private List<Total> totals(LocalDate from, LocalDate until, String period, String sql)
      throws SQLException {
    List<Total> totals = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql + " ORDER BY tenant_id")) {
      bindRange(query, from, until);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          totals.add(total(rows, period, 2));
        }
      }
    }
    return totals;
  }

  private static void bindRange(PreparedStatement query, LocalDate from, LocalDate until)
      throws SQLException {
    query.setTimestamp(1, Timestamp.from(from.atStartOfDay().toInstant(ZoneOffset.UTC)));
    query.setTimestamp(2, Timestamp.from(until.atStartOfDay().toInstant(ZoneOffset.UTC)));
  }

  private static Total total(ResultSet rows, String period, int first) throws SQLException {
    return new Total(
        rows.getString(1),
        period,
        rows.getLong(first),
        rows.getLong(first + 1),
        rows.getLong(first + 2),
        rows.getLong(first + 3),
        rows.getBigDecimal(first + 4),
        rows.getBigDecimal(first + 5));
  }
}
