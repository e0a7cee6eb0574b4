/**
 * The URL as it may appear in logs: the password replaced by `***` (the user, host and vhost
 * stay, they are what an operator needs to see).
 */
export function maskAmqpUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'an unparsable AMQP URL';
  }
}

/** Removes the URL's password from any text (an error message, a reason), raw or encoded. */
export function scrubPassword(url: string, text: string): string {
  let password: string;
  try {
    password = new URL(url).password;
  } catch {
    return text;
  }
  if (!password) return text;
  const forms = new Set([password, decodeURIComponentSafe(password)]);
  let scrubbed = text;
  for (const form of forms) if (form) scrubbed = scrubbed.replaceAll(form, '***');
  return scrubbed;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
