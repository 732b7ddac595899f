import { describe, expect, it } from "vitest";
import {
  ClienteleError,
  describeValue,
  InsufficientDataError,
  InvalidOptionsError,
  InvalidRecordError,
} from "./errors.js";

describe("errors", () => {
  it("are typed, share a base class and carry their data", () => {
    const error = new InvalidRecordError("rfmTable", 4, "amount", "abc", "expected a number");
    expect(error).toBeInstanceOf(ClienteleError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: "InvalidRecordError", row: 4, field: "amount", value: "abc" });
    expect(new InsufficientDataError("kMeans", "no rows").message).toBe("kMeans: no rows");
    const options = new InvalidOptionsError("kMeans", [{ path: "", message: "expected an object" }]);
    expect(options.message).toBe("kMeans: invalid options\n  - options: expected an object");
  });

  it("describe received values readably and briefly", () => {
    expect(describeValue("2024-13-01")).toBe('"2024-13-01" (string)');
    expect(describeValue(Number.NaN)).toBe("NaN (number)");
    expect(describeValue(null)).toBe("null");
    expect(describeValue(undefined)).toBe("undefined");
    expect(describeValue([1, 2])).toBe("an array of length 2");
    expect(describeValue({ a: 1 })).toBe("an object (Object)");
    expect(describeValue(new Date(Number.NaN))).toBe("Date(Invalid Date)");
    expect(describeValue("x".repeat(100))).toBe(`"${"x".repeat(37)}..." (string)`);
  });
});
