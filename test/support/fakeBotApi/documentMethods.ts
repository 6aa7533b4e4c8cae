import { extname } from "node:path";
import type { Message } from "telegraf/types";
import { badRequest } from "./apiError.js";
import type { UploadedDocument } from "./callLog.js";
import { MAX_CAPTION_LENGTH, characterCount, formattedField } from "./formatting.js";
import { checkReplyMarkup } from "./markup.js";
import type { MultipartFile } from "./multipart.js";
import type { Params } from "./params.js";
import { type FakeState, type MethodContext, type MethodHandler, botAsSender } from "./state.js";

/** Telegram works the MIME type out itself when the upload names none (telegraf never does). */
const MIME_BY_EXTENSION: Record<string, string> = {
  ".html": "text/html",
  ".htm": "text/html",
  ".txt": "text/plain",
  ".csv": "text/csv",
  ".md": "text/markdown",
  ".json": "application/json",
  ".pdf": "application/pdf",
  ".zip": "application/zip",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

const sendDocument: MethodHandler = (params, context) => {
  const { state } = context;
  const chatId = params.chatId();
  const file = storedDocument(params, context);
  const caption = formattedField(params, "caption");
  if (caption && characterCount(caption.text) > MAX_CAPTION_LENGTH) throw badRequest("message caption is too long");
  const { inline } = checkReplyMarkup(params.values.reply_markup);
  state.files.set(file.fileId, file);
  return state.chats.append(chatId, (base): Message.DocumentMessage => ({
    ...base,
    from: botAsSender(state),
    document: {
      file_id: file.fileId,
      file_unique_id: file.fileUniqueId,
      file_name: file.filename,
      mime_type: file.mimeType,
      file_size: file.size,
    },
    ...(caption && caption.text !== "" ? { caption: caption.text } : {}),
    ...(caption && caption.entities.length > 0 ? { caption_entities: caption.entities } : {}),
    ...(inline ? { reply_markup: inline } : {}),
  }));
};

/** An uploaded file part, "attach://<part>", or the file_id of a document sent before. */
function storedDocument(params: Params, { state, uploads }: MethodContext): UploadedDocument {
  const reference = params.optionalString("document");
  const upload = reference?.startsWith("attach://") ? uploads[reference.slice("attach://".length)] : uploads.document;
  if (upload) return fromUpload(upload, state);
  if (reference === undefined || reference === "") throw badRequest("there is no document in the request");
  const known = state.files.get(reference);
  if (!known) throw badRequest("wrong file identifier/HTTP URL specified");
  return known;
}

function fromUpload(upload: MultipartFile, state: FakeState): UploadedDocument {
  if (upload.data.length === 0) throw badRequest("file must be non-empty");
  const serial = state.files.size + 1;
  return {
    fileId: `FAKE-DOCUMENT-${serial}`,
    fileUniqueId: `fake-unique-${serial}`,
    filename: upload.filename,
    mimeType: upload.contentType ?? MIME_BY_EXTENSION[extname(upload.filename).toLowerCase()] ?? "application/octet-stream",
    size: upload.data.length,
    data: upload.data,
  };
}

export const documentMethods: Record<string, MethodHandler> = { sendDocument };
