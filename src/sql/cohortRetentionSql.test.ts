import { Parser } from "node-sql-parser";
import { describe, expect, it } from "vitest";
import { cohortRetention as cohortMemory } from "../churn/cohortRetention.js";
import { InvalidOptionsError } from "../core/index.js";
import { connect, storeSources } from "../duckdb/internal/testData.js";
import { cohortRetentionSql } from "./cohortRetentionSql.js";
import { quoteSqlIdentifier, type SqlDialect } from "./SqlDialect.js";

const dialects: readonly SqlDialect[] = ["duckdb", "postgres", "bigquery", "snowflake", "spark"];
/** node-sql-parser grammars per dialect (no DuckDB or Spark grammar: PostgreSQL's and Hive's, as in sql.test.ts). */
const grammar: Readonly<Record<SqlDialect, string>> = {
  duckdb: "PostgresQL",
  postgres: "PostgresQL",
  bigquery: "BigQuery",
  snowflake: "Snowflake",
  spark: "Hive",
};
const periods = ["week", "month", "quarter"] as const;

describe("cohortRetentionSql parses in every dialect's grammar", () => {
  const parser = new Parser();
  for (const dialect of dialects) {
    for (const period of periods) {
      for (const amount of [undefined, "amount"]) {
        it(`${dialect}: ${period}${amount === undefined ? "" : " with amount"} is one SELECT`, () => {
          const sql = cohortRetentionSql(
            ["shop", "order_lines"],
            {
              customer: "customer_id",
              date: "ordered_at",
              period,
              asOf: "2025-12-31",
              ...(amount ? { amount } : {}),
            },
            { dialect },
          );
          const ast = parser.astify(sql, { database: grammar[dialect] });
          const list = Array.isArray(ast) ? ast : [ast];
          expect(list).toHaveLength(1);
          expect(list[0]?.type).toBe("select");
        });
      }
    }
  }
});

describe("cohortRetentionSql: safe identifiers", () => {
  const evil = 'x"; DROP TABLE orders; --';
  const evilTick = "x`; DROP TABLE orders; --";
  const hostile = { customer: evil, date: evilTick, amount: "a\\`b" };
  const parser = new Parser();
  for (const dialect of dialects) {
    it(`${dialect}: hostile names appear only quoted and the statement parses as one SELECT`, () => {
      const sql = cohortRetentionSql(
        [evil, "orders"],
        { ...hostile, period: "month", asOf: "2025-12-31" },
        { dialect, dateType: "string" },
      );
      const names = [evil, evilTick, hostile.amount];
      let stripped = sql;
      let placeholders = sql;
      for (const [k, name] of names.entries()) {
        expect(sql).toContain(quoteSqlIdentifier(name, dialect));
        stripped = stripped.split(quoteSqlIdentifier(name, dialect)).join("");
        placeholders = placeholders
          .split(quoteSqlIdentifier(name, dialect))
          .join(quoteSqlIdentifier(`h${k}`, dialect));
      }
      expect(stripped).not.toMatch(/DROP TABLE|--/);
      const ast = parser.astify(placeholders, { database: grammar[dialect] });
      expect(Array.isArray(ast) ? ast.length : 1).toBe(1);
    });
  }

  it("DuckDB runs it on a column named like an injection: the table survives", async () => {
    const connection = await connect();
    await connection.run(`CREATE TABLE orders (${quoteSqlIdentifier(evil, "duckdb")} VARCHAR, d DATE)`);
    await connection.run(
      "INSERT INTO orders VALUES ('c1', DATE '2024-01-02'), ('c1', DATE '2024-02-09'), ('c2', DATE '2024-02-05')",
    );
    const sql = cohortRetentionSql(
      "orders",
      { customer: evil, date: "d", period: "month", asOf: "2024-02-29" },
      { dialect: "duckdb" },
    );
    const rows = (await connection.runAndReadAll(sql)).getRowsJS();
    // January 2024 = 2024 * 12 + 0 = 24288: c1 acquired, active again in February; c2 acquired in February
    expect(rows).toEqual([
      [24288n, 0n, 1n, 1n],
      [24288n, 1n, 1n, 1n],
      [24289n, 0n, 1n, 1n],
    ]);
    expect((await connection.runAndReadAll("SELECT count(*) FROM orders")).getRowsJS()[0]?.[0]).toBe(3n);
  });

  it("refuses accessors and bad options", () => {
    expect(() =>
      cohortRetentionSql(
        "orders",
        { customer: (() => "x") as never, date: "d", period: "month", asOf: "2024-01-31" },
        { dialect: "postgres" },
      ),
    ).toThrow("customer: an accessor function cannot run inside SQL");
    expect(() =>
      cohortRetentionSql(
        "orders",
        { customer: "c", date: "d", period: "year" as never, asOf: "2024-01-31" },
        { dialect: "postgres" },
      ),
    ).toThrow(InvalidOptionsError);
    expect(() =>
      cohortRetentionSql(
        "orders",
        { customer: "c", date: "d", period: "month", asOf: "not a date" },
        { dialect: "spark" },
      ),
    ).toThrow(InvalidOptionsError);
  });
});

describe("cohortRetentionSql computes the in-memory numbers in DuckDB", () => {
  it("the calendar arithmetic agrees with DuckDB's own date functions from 1900 to 2200", async () => {
    // independent reference: DuckDB's year(), month(), quarter() and date_trunc('week') (ISO weeks, Monday)
    const connection = await connect();
    await connection.run(
      "CREATE TABLE days AS SELECT 'c' || CAST(d AS VARCHAR) AS c, DATE '1970-01-01' + CAST(d AS INTEGER) AS d FROM range(-25567, 84000, 3) t(d)",
    );
    for (const period of periods) {
      const sql = cohortRetentionSql(
        "days",
        { customer: "c", date: "d", period, asOf: "2200-12-31" },
        { dialect: "duckdb", dateType: "date" },
      );
      const reference =
        period === "month"
          ? "year(d) * 12 + month(d) - 1"
          : period === "quarter"
            ? "year(d) * 4 + quarter(d) - 1"
            : "datediff('day', DATE '1970-01-05', CAST(date_trunc('week', d) AS DATE)) // 7 + 1";
      const mismatches = (
        await connection.runAndReadAll(
          `WITH ours AS (${sql}), theirs AS (SELECT ${reference} AS cohort, count(*) AS n FROM days GROUP BY 1) ` +
            "SELECT count(*) FROM theirs FULL JOIN (SELECT cohort, cohort_customers FROM ours) o USING (cohort) " +
            "WHERE o.cohort_customers IS DISTINCT FROM theirs.n",
        )
      ).getRowsJS()[0]?.[0];
      expect(mismatches, period).toBe(0n);
    }
  });

  it("the warehouse form on the seed-7 store: every cell equals the in-memory table", async () => {
    const { lines, connection } = await storeSources();
    for (const period of periods) {
      const options = {
        customer: "customerId",
        date: "date",
        amount: "amount",
        period,
        asOf: "2025-06-17",
      } as const;
      const expected = cohortMemory(lines, options);
      const rows = (
        await connection.runAndReadAll(
          cohortRetentionSql("lines", options, { dialect: "duckdb", dateType: "date" }),
        )
      ).getRowObjectsJS();
      const cells: [string, number, number, number, number][] = [];
      for (const cohort of expected.cohorts) {
        cohort.active.forEach((active, o) => {
          if (active > 0)
            cells.push([
              cohort.cohort,
              o,
              cohort.customers,
              active,
              (cohort.revenuePerCustomer?.[o] ?? 0) * cohort.customers,
            ]);
        });
      }
      const label = (index: number) =>
        period === "month"
          ? `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`
          : period === "quarter"
            ? `${Math.floor(index / 4)}-Q${(index % 4) + 1}`
            : new Date((index * 7 - 3) * 86_400_000).toISOString().slice(0, 10);
      expect(rows).toHaveLength(cells.length);
      rows.forEach((row, i) => {
        const cell = cells[i] as [string, number, number, number, number];
        expect([label(Number(row.cohort)), Number(row.periods_since_acquisition)]).toEqual([
          cell[0],
          cell[1],
        ]);
        expect([Number(row.cohort_customers), Number(row.active_customers)]).toEqual([cell[2], cell[3]]);
        expect(Math.abs((row.revenue as number) - cell[4])).toBeLessThan(1e-6);
      });
    }
  }, 60_000);
});
