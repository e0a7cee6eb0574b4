/** Test helpers for the mounted sandbox (docs/sandbox.md). */

/** Submits the hosted 3-D Secure page like a shopper's browser would. */
export async function submit3ds(
  paymentUrl: string,
  result: 'success' | 'failure' | 'cancel',
): Promise<{ status: number; location: string | null }> {
  const res = await fetch(paymentUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ result }).toString(),
    redirect: 'manual',
  });
  await res.text();
  return { status: res.status, location: res.headers.get('location') };
}

/** How many orders the sandbox holds with this order id. */
export async function sandboxOrders(base: string, orderId: string): Promise<number> {
  const res = await fetch(`${base}/sandbox-admin/orders`);
  const list = (await res.json()) as { order_id: string }[];
  return list.filter((o) => o.order_id === orderId).length;
}

/** Calls the sandbox's control surface (docs/sandbox.md) and returns its JSON answer. */
export async function sandboxAdmin<T = unknown>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 400) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
