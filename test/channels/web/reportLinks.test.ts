import { describe, expect, it } from "vitest";
import { REPORT_LINK_TTL_MS, ReportLinks } from "../../../src/channels/web/reportLinks.js";

describe("report links", () => {
  it("stand for their conversation and case until ten minutes have passed", () => {
    let now = 1_000_000;
    const links = new ReportLinks(() => now);
    const token = links.create("web:abc", "TZ-20260301-7KQ3M2XA");
    now += REPORT_LINK_TTL_MS - 1;
    expect(links.resolve(token)).toEqual({ conversationId: "web:abc", caseId: "TZ-20260301-7KQ3M2XA" });
    now += 1;
    expect(links.resolve(token)).toBeNull();
  });

  it("are random and unrelated to the conversation id", () => {
    const links = new ReportLinks();
    const tokens = new Set(Array.from({ length: 100 }, () => links.create("web:abc", null)));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it("are all forgotten when their conversation is erased, and only theirs", () => {
    const links = new ReportLinks();
    const mine = [links.create("web:mine", null), links.create("web:mine", "TZ-20260301-7KQ3M2XA")];
    const theirs = links.create("web:theirs", null);
    links.forget("web:mine");
    expect(mine.map((token) => links.resolve(token))).toEqual([null, null]);
    expect(links.resolve(theirs)).toEqual({ conversationId: "web:theirs", caseId: null });
  });
});
