import { parseArgs } from "node:util";
import type { Readable, Writable } from "node:stream";
import { AccountError, AccountsFileError, AccountStore, accountNameSchema, type Account } from "./accounts.js";
import { AuditLog } from "./auditLog.js";
import { accountsFile, auditFile } from "./layout.js";
import { passwordProblem, type ScryptCost } from "./password.js";
import { secretPrompt } from "./passwordPrompt.js";

export interface StaffCliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
  /** Cheaper hashing for tests; the defaults otherwise. */
  cost?: ScryptCost;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_INVALID = 2;

const USAGE = `usage: npm run staff -- add NAME [--admin]   create an account (asks for the password twice)
       npm run staff -- reset NAME           set a new password
       npm run staff -- remove NAME          delete an account (its sessions end)
       npm run staff -- list                 the accounts, with role and dates
Accounts are kept in DATA_DIR/staff/accounts.json (DATA_DIR defaults to data).`;

/** Who changed an account from the command line, in the audit log. */
const CLI_ACTOR = "(cli)";

/** `npm run staff`: manages the staff console's accounts. */
export async function runStaff(argv: string[], io: StaffCliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { admin: { type: "boolean" } } });
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  const [command, name, ...rest] = parsed.positionals;
  if (rest.length > 0) return usage(io, `unexpected: ${rest.join(" ")}`);
  if (parsed.values.admin && command !== "add") return usage(io, "--admin goes with add");
  const dataDir = io.env.DATA_DIR || "data";
  const accounts = new AccountStore({ file: accountsFile(dataDir), cost: io.cost });
  const audit = new AuditLog(auditFile(dataDir));
  try {
    if (command === "list") return name === undefined ? list(accounts, io) : usage(io, "list takes no name");
    if (command !== "add" && command !== "reset" && command !== "remove") return usage(io, command ? `unknown command: ${command}` : "name a command");
    if (name === undefined) return usage(io, `${command} needs an account name`);
    const checked = accountNameSchema.safeParse(name);
    if (!checked.success) return fail(io, `account name ${JSON.stringify(name)}: ${checked.error.issues[0]!.message}`);
    if (command === "remove") {
      await accounts.remove(checked.data);
      await audit.append({ action: "account_removed", name: CLI_ACTOR, account: checked.data });
      io.stdout.write(`removed ${checked.data}\n`);
      return EXIT_OK;
    }
    if (command === "add" && (await accounts.get(checked.data))) return fail(io, `there is already an account named ${checked.data} (reset its password with: npm run staff -- reset ${checked.data})`);
    if (command === "reset" && !(await accounts.get(checked.data))) return fail(io, `there is no account named ${checked.data}`);
    const password = await askNewPassword(io);
    if (password === null) return EXIT_INVALID;
    if (command === "add") {
      const role = parsed.values.admin ? "admin" : "staff";
      await accounts.add(checked.data, role, password);
      await audit.append({ action: "account_added", name: CLI_ACTOR, account: checked.data, role });
      io.stdout.write(`added ${checked.data} (${role})\n`);
    } else {
      await accounts.reset(checked.data, password);
      await audit.append({ action: "password_reset", name: CLI_ACTOR, account: checked.data });
      io.stdout.write(`new password set for ${checked.data}; its sessions have ended\n`);
    }
    return EXIT_OK;
  } catch (error) {
    if (error instanceof AccountError) return fail(io, error.message);
    if (error instanceof AccountsFileError) {
      io.stderr.write(`${error.message}\n`);
      return EXIT_FAILED;
    }
    throw error;
  }
}

async function list(accounts: AccountStore, io: StaffCliIo): Promise<number> {
  const all = await accounts.list();
  if (all.length === 0) {
    io.stdout.write("no staff accounts yet (add one with: npm run staff -- add NAME)\n");
    return EXIT_OK;
  }
  io.stdout.write(`${["name", "role", "created", "updated", "hash"].join("\t")}\n`);
  for (const account of all) io.stdout.write(`${listLine(account)}\n`);
  return EXIT_OK;
}

const listLine = (a: Account) =>
  [a.name, a.role, a.createdAt, a.updatedAt, `scrypt N=${a.password.N} r=${a.password.r} p=${a.password.p}`].join("\t");

/** The password, typed twice; null (after saying why) when it is refused. */
async function askNewPassword(io: StaffCliIo): Promise<string | null> {
  const prompt = secretPrompt(io.stdin, io.stderr);
  try {
    const first = await prompt.ask("password: ");
    if (first === null) return refuse(io, "no password given (the input ended)");
    const problem = passwordProblem(first);
    if (problem) return refuse(io, problem);
    const second = await prompt.ask("the same password again: ");
    if (second === null) return refuse(io, "the password was not repeated (the input ended)");
    if (second !== first) return refuse(io, "the two passwords differ; nothing was changed");
    return first;
  } finally {
    prompt.close();
  }
}

function refuse(io: StaffCliIo, message: string): null {
  io.stderr.write(`${message}\n`);
  return null;
}

function fail(io: StaffCliIo, message: string): number {
  io.stderr.write(`${message}\n`);
  return EXIT_INVALID;
}

function usage(io: StaffCliIo, message: string): number {
  io.stderr.write(`${message}\n${USAGE}\n`);
  return EXIT_INVALID;
}
