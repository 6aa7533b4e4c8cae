import { describe, expect, it } from "vitest";
import { MAX_MESSAGE_LENGTH, splitMessage } from "../../../src/channels/telegram/split.js";

describe("splitting long messages", () => {
  it("leaves a message that fits alone", () => {
    expect(splitMessage("short\ntext")).toEqual(["short\ntext"]);
  });

  it("splits on line boundaries, every part within the limit, nothing lost", () => {
    const lines = Array.from({ length: 400 }, (_, i) => `line ${i}: ${"x".repeat(i % 37)}`);
    const parts = splitMessage(lines.join("\n"));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(parts.join("\n")).toBe(lines.join("\n"));
  });

  it("cuts a single line longer than a message at a space", () => {
    const words = Array.from({ length: 2000 }, (_, i) => `w${i}`).join(" ");
    const parts = splitMessage(words, 100);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(100);
    expect(parts.join(" ")).toBe(words);
  });

  it("never cuts a surrogate pair in half", () => {
    const text = "😀".repeat(60);
    const parts = splitMessage(text, 7);
    for (const part of parts) expect(part).not.toMatch(/[\ud800-\udbff]$|^[\udc00-\udfff]/);
    expect(parts.join("")).toBe(text);
  });

  it("keeps Chinese text without spaces whole across parts", () => {
    const text = "通州区数字经济".repeat(1000);
    expect(splitMessage(text).join("")).toBe(text);
  });
});
