/** Words of the result screen shown at the end of (or during) an interview. */
export const screenEn = {
  "screen.summary": "You may qualify under {eligible} item(s) for up to {totalFen} in total.",
  "screen.summaryNone": "On these answers no item applies yet.",
  "screen.summaryOpen": "{open} item(s) still depend on facts you have not given: they could add up to {openFen}.",
  "screen.eligible": "✅ {item}: up to {amount}",
  "screen.needsInfo": "❓ {item}: could reach up to {amount}",
  "screen.notEligible": "✖ {item}",
  "screen.notCounted": "   Not counted in the total (Article 16, selecting the best without duplication).",
  "screen.countedPart": "   Counted in the total: {countedFen} (Article 16 leaves the rest out, see above).",
  "screen.limitedBy": "   Limited by {cap}: {limitFen}{used}; room left after this: {roomFen}.",
  "screen.used": " ({usedFen} already received)",
  "screen.toDecide": "   To decide it: {questions}",
  "screen.total": "Total after Article 16 (selecting the best without duplication): up to {totalFen}",
  "screen.hints": "Near misses:",
  "screen.hint": "• {text}: if it were met, this item could pay up to {ifMetFen}.",
  "screen.cap.annual": "the annual cap",
  "screen.cap.cumulative": "the cumulative cap",
  "screen.cap.per_project": "the per-project cap",
  "screen.cap.one_time": "the one-time amount",
  "screen.cap.per_enterprise": "the per-enterprise cap",
  "screen.cap.model_vouchers": "the model-voucher annual cap",
  "screen.cap.computing_vouchers": "the computing-voucher annual cap",
  "screen.interim": "Result so far (you can keep answering):",
  "screen.final": "Your pre-screening result:",
} as const;

export type ScreenKey = keyof typeof screenEn;
