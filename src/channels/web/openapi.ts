import { z } from "zod";
import { screeningSchema } from "../../engine/screening.js";
import * as s from "./schemas.js";

/** The schemas the document names; nested ones (a Reply in a Turn) are referenced, not repeated. */
const COMPONENTS = {
  Problem: s.problemSchema,
  CreateConversation: s.createConversationSchema,
  Created: s.createdSchema,
  View: s.viewSchema,
  ConversationInput: s.conversationInputSchema,
  Turn: s.turnSchema,
  Reply: s.replySchema,
  ResultCard: s.resultCardSchema,
  Screening: screeningSchema,
  ResultFile: s.resultFileSchema,
  AskRequest: s.askSchema,
  AskReply: s.askReplySchema,
  Articles: s.articlesSchema,
} as const;

type Component = keyof typeof COMPONENTS;
const ref = (name: Component) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: Component) => ({ "application/json": { schema: ref(name) } });
const problem = (description: string) => ({ description, content: json("Problem") });
const conversationHeader = { name: "X-Conversation-Id", in: "header", required: true, schema: { type: "string", pattern: "^web:[A-Za-z0-9_-]{22}$" }, description: "The id POST /api/v1/conversations returned" };
const common = { "413": problem("Body too large"), "429": { description: "Too many requests from this address; see Retry-After", headers: { "Retry-After": { schema: { type: "integer" } } }, content: json("Problem") } };
const unknownConversation = problem("No such conversation (deleted, expired or never made)");

/** OpenAPI 3.1: the routes with their inputs and outputs, the schemas generated from the zod schemas that check them. */
export function openApiDocument(version: string) {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, io: "input", unrepresentable: "any" });
  const components = Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, withoutIds(schema)]));
  return {
    openapi: "3.1.0",
    info: { title: "Tongzhou digital-economy support: pre-screening API", version, description: "All amounts are maxima (\"up to\"); the district bureau decides eligibility and actual amounts." },
    paths: {
      "/api/v1/conversations": {
        post: {
          summary: "Start a conversation (language from Accept-Language unless given)",
          requestBody: { required: false, content: json("CreateConversation") },
          responses: { "201": { description: "The new conversation and its first replies", content: json("Created") }, "400": problem("Invalid body or header"), ...common },
        },
      },
      "/api/v1/conversation": {
        get: { summary: "Where the conversation stands (resume after a reload)", parameters: [conversationHeader], responses: { "200": { description: "The view", content: json("View") }, "400": problem("Invalid header"), "404": unknownConversation, ...common } },
        delete: { summary: "Erase everything stored about the conversation", parameters: [conversationHeader], responses: { "204": { description: "Erased" }, "400": problem("Invalid header"), "404": unknownConversation, ...common } },
      },
      "/api/v1/conversation/turns": {
        post: {
          summary: "Send what the user did: text, a button's action, or a command",
          parameters: [conversationHeader],
          requestBody: { required: true, content: json("ConversationInput") },
          responses: { "200": { description: "The replies, and those that took longer", content: json("Turn") }, "400": problem("Invalid body or header"), "404": unknownConversation, ...common },
        },
      },
      "/api/v1/conversation/report": {
        get: {
          summary: "The printable HTML pre-screening report of the latest case, or of ?case=",
          parameters: [conversationHeader, { name: "case", in: "query", required: false, schema: { type: "string", pattern: "^TZ-" } }],
          responses: { "200": { description: "The report, as a download", content: { "text/html": { schema: { type: "string" } } } }, "400": problem("Invalid query or header"), "404": problem("No such conversation or case"), ...common },
        },
      },
      "/api/v1/conversation/report-links": {
        post: {
          summary: "A link that opens the report as a page for ten minutes, for browsers that cannot save a file a script makes (WeChat's)",
          parameters: [conversationHeader],
          requestBody: { required: false, content: { "application/json": { schema: { type: "object", properties: { case: { type: "string", pattern: "^TZ-" } }, additionalProperties: false } } } },
          responses: { "201": { description: "The link ({ url, expiresInSeconds })", content: { "application/json": { schema: { type: "object", required: ["url", "expiresInSeconds"], properties: { url: { type: "string" }, expiresInSeconds: { type: "integer" } } } } } }, "400": problem("Invalid body or header"), "404": problem("No such conversation or case"), ...common },
        },
      },
      "/api/v1/reports/{token}": {
        get: {
          summary: "The report a report link stands for, as a page; an expired or unknown link gets a page saying how to get a new one",
          parameters: [{ name: "token", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "The report", content: { "text/html": { schema: { type: "string" } } } }, "404": { description: "The link has expired or is unknown", content: { "text/html": { schema: { type: "string" } } } } },
        },
      },
      "/api/v1/screen": {
        post: {
          summary: "Screen one file: exactly the result of `screen --json`",
          parameters: [{ name: "lang", in: "query", required: false, schema: { type: "string", enum: ["en", "zh"], default: "en" } }],
          requestBody: { required: true, content: json("Screening") },
          responses: { "200": { description: "The result file", content: json("ResultFile") }, "400": problem("Every problem with its path, as the CLI prints them"), ...common },
        },
      },
      "/api/v1/screen/batch": {
        post: {
          summary: "Screen JSON Lines, streamed: one result (or CSV row with Accept: text/csv) per line, as `screen --batch`",
          requestBody: { required: true, content: { "application/x-ndjson": { schema: { type: "string" } } } },
          responses: {
            "200": { description: "One output line per input line; invalid lines as {\"line\": N, \"error\": [...]}", content: { "application/x-ndjson": { schema: { type: "string" } }, "text/csv": { schema: { type: "string" } } } },
            "503": problem("Other batches are running; see Retry-After"),
            ...common,
          },
        },
      },
      "/api/v1/rules": { get: { summary: "The rules version, items, parameters with the words they quote, interpretations", responses: { "200": { description: "The rules", content: { "application/json": { schema: { type: "object" } } } }, ...common } } },
      "/api/v1/articles": { get: { summary: "Articles 1–19: summaries and the official text", responses: { "200": { description: "The Articles", content: json("Articles") }, ...common } } },
      "/api/v1/ask": {
        post: {
          summary: "A question about the rules: the FAQ's answer, citing Articles, as `ask --json`",
          requestBody: { required: true, content: json("AskRequest") },
          responses: { "200": { description: "The answer", content: json("AskReply") }, "400": problem("Invalid body"), ...common },
        },
      },
      "/api/v1/openapi.json": { get: { summary: "This document", responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": { schema: { type: "object" } } } } } } },
      "/healthz": { get: { summary: "Liveness", responses: { "200": { description: "Running", content: { "application/json": { schema: { type: "object", properties: { status: { const: "ok" } } } } } } } } },
    },
    components: { schemas: components },
  };
}

/** A component's own $schema and $id would shadow the document's. */
function withoutIds(schema: object): object {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$schema" && key !== "$id"));
}
