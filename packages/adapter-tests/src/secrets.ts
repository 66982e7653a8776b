/**
 * The secret scan: every form in which a credential could leak into text a model, a user or a log sees.
 * A leak of the Basic header would not contain the raw secret, so its base64 form is scanned too.
 */

export interface SecretLeak {
  /** Which collected text contained it (e.g. `turn 2 of "list calls"`). */
  where: string;
  /** Which form of which secret, never the secret itself. */
  form: string;
}

export interface Credentials {
  accessKey: string;
  accessKeySecret: string;
}

/** The strings that must never appear, labelled by what they are (labels are safe to print). */
export function secretForms(credentials: Credentials): Array<{ form: string; value: string }> {
  const basic = Buffer.from(`${credentials.accessKey}:${credentials.accessKeySecret}`).toString("base64");
  return [
    { form: "access key secret", value: credentials.accessKeySecret },
    { form: "Basic credentials (base64 of key:secret)", value: basic },
    { form: "access key secret, URL-encoded", value: encodeURIComponent(credentials.accessKeySecret) },
  ].filter((entry) => entry.value.length >= 6);
}

/**
 * Texts collected during a suite, scanned at the end. Kept as labelled entries so a failure says
 * where the leak was without printing the secret.
 */
export class SecretScanner {
  private readonly texts: Array<{ where: string; text: string }> = [];
  private readonly forms: Array<{ form: string; value: string }> = [];

  addCredentials(credentials: Credentials): void {
    this.forms.push(...secretForms(credentials));
  }

  collect(where: string, text: string): void {
    this.texts.push({ where, text });
  }

  /** How many texts were collected (the scan must have read something to mean anything). */
  get size(): number {
    return this.texts.length;
  }

  /** Total characters scanned. */
  get characters(): number {
    return this.texts.reduce((sum, entry) => sum + entry.text.length, 0);
  }

  leaks(): SecretLeak[] {
    const found: SecretLeak[] = [];
    for (const { where, text } of this.texts) {
      for (const { form, value } of this.forms) {
        if (text.includes(value)) found.push({ where, form });
      }
    }
    return found;
  }
}
