/** A MultiSafepay error answer: `{ success: false, data: {}, error_code, error_info }`. */
export class MspError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly errorCode: number,
    readonly errorInfo: string,
  ) {
    super(errorInfo);
  }

  body(): { success: false; data: Record<string, never>; error_code: number; error_info: string } {
    return { success: false, data: {}, error_code: this.errorCode, error_info: this.errorInfo };
  }
}

export const invalidApiKey = () => new MspError(403, 1032, 'Invalid API key');
export const missingData = (what: string) => new MspError(400, 1016, `Missing data: ${what}`);
export const invalidField = (code: number, info: string) => new MspError(400, code, info);
export const orderNotFound = () => new MspError(404, 1006, 'Invalid transaction ID');
