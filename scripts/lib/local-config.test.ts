import { describe, expect, test } from "vitest";
import { missingLines } from "./local-config";

describe("missingLines", () => {
  test("keys the local file lacks, with the example's line; set keys and comments are left alone", () => {
    const example = "# Parameters\nOWNER_EMAILS=owner@demo.test\nENFORCE_APP_CHECK=true\nPORTAL_URL=http://127.0.0.1:5000\n";
    const local = "OWNER_EMAILS=me@example.com\nPORTAL_URL=http://localhost:5000\n";
    expect(missingLines(example, local)).toEqual(["ENFORCE_APP_CHECK=true"]);
    expect(missingLines(example, `${local}ENFORCE_APP_CHECK=false\n`)).toEqual([]);
  });
});
