import { defineItem, type ItemContext } from "../item.js";
import { CLAUSE_OF_LEVEL, RECOGNITION_LEVELS, type RecognitionLevel } from "../ids.js";
import { requireEnterprise } from "./read.js";

/** The recognitions named in each clause of Article 8. */
const CLAUSE_1: readonly RecognitionLevel[] = RECOGNITION_LEVELS.filter((level) => CLAUSE_OF_LEVEL[level] === "8.1");
const CLAUSE_2: readonly RecognitionLevel[] = RECOGNITION_LEVELS.filter((level) => CLAUSE_OF_LEVEL[level] === "8.2");

const params = { levelAmounts: "moneyTable" } as const;

/**
 * Sum over the new recognitions of a clause; a promotion pays only the difference between
 * the levels (the last paragraph of Article 8), which may span both clauses.
 */
function recognitionSupport(levels: readonly RecognitionLevel[], { s, facts, p, d }: ItemContext<typeof params>): number {
  // Favourable: one new recognition at the clause's best-paid level.
  const top = levels.reduce((a, b) => ((p.levelAmounts[b] ?? 0) > (p.levelAmounts[a] ?? 0) ? b : a));
  const favourable = [{ level: top, promotedFrom: null }];
  const recognitions = facts.pick("recognitions", s.recognitions, favourable, []);
  const mine = recognitions.filter((r) => levels.includes(r.level));
  d.require(mine.length > 0, "no_recognition", { levels: levels.join(", ") });
  if (d.failed) return 0;
  return d.sum(
    mine.map(({ level, promotedFrom }) => {
      const full = p.levelAmounts[level] ?? 0;
      if (!promotedFrom) return { label: level, fen: full, part: { kind: "recognition", level, levelFen: full, promotedFrom: null, promotedFromFen: 0 } };
      const before = p.levelAmounts[promotedFrom] ?? 0;
      d.note("promotion_difference", { level, promotedFrom });
      const part = { kind: "recognition", level, levelFen: full, promotedFrom, promotedFromFen: before } as const;
      return { label: `${level} − ${promotedFrom}`, fen: Math.max(0, full - before), part };
    }),
  );
}

export const article8clause1 = defineItem({
  id: "8.1",
  params,
  tableKeys: { levelAmounts: RECOGNITION_LEVELS },
  run: (ctx) => recognitionSupport(CLAUSE_1, ctx),
});

export const article8clause2 = defineItem({
  id: "8.2",
  params,
  tableKeys: { levelAmounts: RECOGNITION_LEVELS },
  run(ctx) {
    requireEnterprise(ctx.s, ctx.facts, ctx.d);
    return recognitionSupport(CLAUSE_2, ctx);
  },
});
