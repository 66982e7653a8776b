/** Data-privacy lookups: everything Gong holds about an email address or a phone number. */
import { params, text } from "../params/fields.js";
import type { Open } from "./records.js";
import { operation } from "./types.js";

export const privacyOperations = {
  data_privacy_email: {
    get: operation<Open>()({
      kind: "get",
      method: "GET",
      path: "/v2/data-privacy/data-for-email-address",
      cursor: "none",
      scopes: ["api:data-privacy:read"],
      hint: "Calls, emails, meetings and CRM data referencing an email address.",
      params: () => params({ emailAddress: text("Email address.") }),
    }),
  },
  data_privacy_phone: {
    get: operation<Open>()({
      kind: "get",
      method: "GET",
      path: "/v2/data-privacy/data-for-phone-number",
      cursor: "none",
      scopes: ["api:data-privacy:read"],
      hint: "Calls, emails, meetings and CRM data referencing a phone number.",
      params: () => params({ phoneNumber: text("Phone number, e.g. +14155550100.") }),
    }),
  },
};
