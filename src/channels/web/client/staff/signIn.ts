/// <reference lib="dom" />
import { ApiError, LockedOut, type StaffApi } from "./api.js";
import { text, type Lang } from "./text.js";
import { button, el, field, input, pageHeading } from "./ui.js";
import type { StaffSession } from "./wire.js";

/**
 * The sign-in form. `notice` says why it is shown (the session ended, the user signed out).
 * Resolves through `signedIn` once the server accepts the name and password.
 */
export function signInView(api: StaffApi, lang: Lang, notice: string, signedIn: (session: StaffSession) => void): HTMLElement {
  const t = (key: Parameters<typeof text>[1], params?: Record<string, string | number>) => text(lang, key, params);
  const name = input("name", "text", "", { autocomplete: "username", required: "", maxlength: "64", autocapitalize: "none", spellcheck: "false" });
  const password = input("password", "password", "", { autocomplete: "current-password", required: "", maxlength: "1024" });
  const submit = button(t("signIn"), undefined, "button primary");
  const message = el("p", { className: "form-message", attrs: { role: "alert" } });
  const form = el("form", { className: "sign-in", attrs: { novalidate: "" } }, [field(t("name"), name), field(t("password"), password), submit, message]);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (name.value.trim() === "" || password.value === "") {
      (name.value.trim() === "" ? name : password).focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = t("signingIn");
    message.textContent = "";
    api
      .signIn(name.value.trim(), password.value)
      .then(signedIn, (error: unknown) => {
        password.value = "";
        message.textContent =
          error instanceof LockedOut ? t("lockedOut", { minutes: Math.ceil(error.seconds / 60) }) : error instanceof ApiError && error.status === 401 ? t("wrongPassword") : error instanceof ApiError ? t("failed", { message: error.message }) : t("offline");
        password.focus();
      })
      .finally(() => {
        submit.disabled = false;
        submit.textContent = t("signIn");
      });
  });
  const children: Node[] = [pageHeading(t("signInTitle")), el("p", { text: t("signInIntro") })];
  if (notice) children.push(el("p", { className: "notice", text: notice, attrs: { role: "status" } }));
  return el("div", { className: "view sign-in-view" }, [...children, form]);
}
