import { z } from "zod";

/*
 * Imported first by the screening CLI's entry points (src/bin/screen.ts, src/bin/batch-worker.ts).
 * There each schema parses a handful of times per process (the rules files once), and zod's
 * generated fast path for a schema costs more to build than it saves. zod fixes that choice for
 * a schema when it builds it, so this runs before any module builds one. A batch's screening
 * schema is compiled all the same, on purpose: z.compile does not ask (src/cli/screenLines.ts).
 */
z.config({ jitless: true });
