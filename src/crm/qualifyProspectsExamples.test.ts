// The example scripts of examples/man/ print the verdicts that examples/man/README.md promises.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Runs one example and reads its verdict lines: id -> "verdict label". */
function verdictsOf(script: string): Record<string, string> {
  const run = spawnSync(process.execPath, ["--import", "tsx", join("examples", "man", `${script}.ts`)], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  const out: Record<string, string> = {};
  for (const line of run.stdout.split("\n")) {
    const match =
      /^(\S+)\s+(qualified|nurture|defer|drop|mismatch)\s+(first choice|second choice|backup|[a-zA-Z]+)\s/.exec(
        line,
      );
    if (match) out[match[1] as string] = `${match[2]} ${match[3]}`;
  }
  return out;
}

// The expected verdicts of examples/man/README.md (case 1 from the source material; 2-5 our illustrations).
describe("examples/man scripts print the README's verdicts", { timeout: 120_000 }, () => {
  it("lifeInsurance: ranks 1, 6, 3, 8; drops 2; nurtures 4 and 7; defers 5", () => {
    expect(verdictsOf("lifeInsurance")).toEqual({
      "#1": "qualified first choice",
      "#2": "drop underwritingRisk",
      "#3": "qualified backup",
      "#4": "nurture noNeed",
      "#5": "defer cannotPay",
      "#6": "qualified second choice",
      "#7": "nurture noNeed",
      "#8": "qualified backup",
    });
  });

  it("realEstate: Okafor first, Lee second, Novak backup, one household per rejection category", () => {
    expect(verdictsOf("realEstate")).toEqual({
      Lee: "qualified second choice",
      Okafor: "qualified first choice",
      Novak: "qualified backup",
      Berg: "mismatch productMismatch",
      Silva: "mismatch oversized",
      Hansen: "drop requirementsTooHigh",
      Young: "defer cannotPay",
      Weber: "nurture noNeed",
    });
  });

  it("b2bService and consumerDurable", () => {
    expect(verdictsOf("b2bService")).toEqual({
      Northwind: "qualified first choice",
      Contoso: "defer cannotPay",
      Fabrikam: "defer noAuthority",
      Tailspin: "defer cannotPay",
      Litware: "mismatch oversized",
      Adatum: "mismatch productMismatch",
    });
    expect(verdictsOf("consumerDurable")).toEqual({
      Garcia: "qualified first choice",
      Kim: "qualified second choice",
      Ito: "mismatch oversized",
      Brown: "defer cannotPay",
      Moreau: "nurture noNeed",
    });
  });

  it("generic", () => {
    expect(verdictsOf("generic")).toEqual({
      acme: "qualified first choice",
      bolt: "mismatch productMismatch",
      core: "defer cannotPay",
      dyne: "defer noAuthority",
      echo: "nurture noNeed",
    });
  });
});
