/** The staff console's accounts, sign-in, sessions and audit log, for the web layer to call. */
export { AccountStore, AccountError, AccountsFileError, ROLES, type Account, type Role } from "./accounts.js";
export { AuditLog, AUDIT_READ_MAX, readAuditAs, type AuditFilter, type AuditPage, type AuditRead } from "./auditLog.js";
export { AUDIT_ACTIONS, type AuditAction, type AuditEntry, type AuditEvent } from "./auditEvent.js";
export { accountsFile, auditFile } from "./layout.js";
export { SessionManager, SESSION_DEFAULTS, type Session, type SessionCheck, type SessionPolicy, type SignInResult } from "./sessions.js";
export { LOCKOUT_DEFAULTS, type LockoutPolicy } from "./lockout.js";
export { readStaffConfig, type StaffConfig } from "./staffConfig.js";
