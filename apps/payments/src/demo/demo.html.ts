/** Server-rendered pages of the sandbox demo checkout. Every dynamic value goes through `esc`. */

export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const DEMO_CARDS = [
  ['4111111111111111', 'Visa · 3-D Secure challenge'],
  ['5500000000000004', 'Mastercard · 3-D Secure challenge'],
  ['4012001038443335', 'Visa · no 3-D Secure, paid at once'],
  ['4462000000000003', 'Visa · uncleared, then paid'],
  ['4012001037461114', 'Visa · 3-D Secure fails (declined)'],
  ['4012001038488884', 'Visa · insufficient funds (declined)'],
] as const;

const STYLE = `
body{font-family:system-ui,-apple-system,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1d2433}
h1{font-size:1.4rem}label{display:block;margin:.6rem 0 .2rem;font-weight:600}
input,select{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}
.row{display:flex;gap:.5rem}.row>*{flex:1}
button{margin-top:1rem;width:100%;padding:.7rem;font-size:1rem;background:#0a7c4a;color:#fff;border:0;border-radius:4px}
.status{display:inline-block;padding:.3rem .7rem;border-radius:1rem;background:#eee;font-weight:700}
.status.completed{background:#c8f0d8}.status.declined,.status.void,.status.expired,.status.cancelled{background:#f7d0d0}
table{width:100%;border-collapse:collapse;margin-top:1rem}td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;font-size:.9rem}
.error{background:#fde8e8;padding:.6rem;border-radius:4px}.muted{color:#667}
`;

export function page(title: string, body: string, script = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${esc(title)}</title><style>${STYLE}</style></head><body>${body}${script ? `<script>${script}</script>` : ''}</body></html>`;
}

export function checkoutPage(error?: string): string {
  const cards = DEMO_CARDS.map(
    ([pan, label]) => `<option value="${pan}">${esc(label)} (${pan})</option>`,
  ).join('');
  const years = Array.from({ length: 8 }, (_, i) => new Date().getUTCFullYear() + 1 + i)
    .map((y) => `<option>${y}</option>`)
    .join('');
  const months = Array.from(
    { length: 12 },
    (_, i) =>
      `<option value="${i + 1}"${i === 11 ? ' selected' : ''}>${String(i + 1).padStart(2, '0')}</option>`,
  ).join('');
  return page(
    'Demo checkout',
    `<h1>Demo checkout</h1>
<p class="muted">Sandbox mode: test cards only; MultiSafepay is simulated by this service.</p>
${error ? `<p class="error" id="error">${esc(error)}</p>` : ''}
<form method="post" action="/demo/checkout" id="checkout">
  <div class="row">
    <div><label for="amount">Amount</label><input id="amount" name="amount" value="10.00" inputmode="decimal"></div>
    <div><label for="currency">Currency</label><select id="currency" name="currency"><option>EUR</option><option>USD</option><option>GBP</option></select></div>
  </div>
  <label for="card">Test card</label><select id="card" name="card">${cards}</select>
  <label for="holder">Card holder</label><input id="holder" name="holder" value="J. Jansen" autocomplete="cc-name">
  <div class="row">
    <div><label for="month">Month</label><select id="month" name="month">${months}</select></div>
    <div><label for="year">Year</label><select id="year" name="year">${years}</select></div>
    <div><label for="cvc">CVC</label><input id="cvc" name="cvc" value="123" inputmode="numeric" autocomplete="cc-csc"></div>
  </div>
  <label><input type="checkbox" id="captureLater" name="captureLater" value="1" style="width:auto"> Capture later (authorize now, capture or release on the next page)</label>
  <label><input type="checkbox" id="saveCard" name="saveCard" value="1" style="width:auto"> Save this card for next time (one click, no CVC)</label>
  <label for="customerReference">Customer reference</label><input id="customerReference" name="customerReference" value="demo-shopper" autocomplete="off">
  <label for="flow">3-D Secure</label>
  <select id="flow" name="flow"><option value="redirect">Redirect to the 3-D Secure page</option><option value="form">Render the verification form</option></select>
  <input type="hidden" name="screenWidth" id="screenWidth"><input type="hidden" name="screenHeight" id="screenHeight">
  <input type="hidden" name="language" id="language"><input type="hidden" name="timeZone" id="timeZone">
  <button type="submit" id="pay">Pay</button>
</form>`,
    `document.getElementById('screenWidth').value=screen.width;document.getElementById('screenHeight').value=screen.height;
document.getElementById('language').value=navigator.language;document.getElementById('timeZone').value=new Date().getTimezoneOffset();`,
  );
}

export interface DemoPayment {
  id: string;
  orderId: string;
  status: string;
  amount: number;
  currency: string;
  card: { brand: string | null; last4: string | null };
  capture: { capturableAmount: number; capturedAmount: number; expiresAt: string | null } | null;
  /** The card this payment saved or paid with (never its token). */
  savedCard: { id: string; brand: string | null; last4: string | null; model: string } | null;
  events: { from: string | null; to: string; source: string; at: string }[];
  /** Events the built-in demo subscriber received for it (pushed, signed webhooks). */
  pushed: { id: string; type: string; sequence: number | null; receivedAt: string }[];
}

export const OPEN_STATUSES = ['created', 'unknown', 'initialized', 'uncleared'];

export function resultPage(p: DemoPayment): string {
  const rows = p.events
    .map(
      (e) =>
        `<tr><td>${esc(e.from ?? '—')}</td><td>${esc(e.to)}</td><td>${esc(e.source)}</td><td>${esc(e.at)}</td></tr>`,
    )
    .join('');
  const pushed = p.pushed
    .map(
      (e) =>
        `<tr><td>${esc(e.sequence ?? '')}</td><td>${esc(e.type)}</td><td>${esc(e.id)}</td><td>${esc(e.receivedAt)}</td></tr>`,
    )
    .join('');
  const open = OPEN_STATUSES.includes(p.status);
  return page(
    `Payment ${p.status}`,
    `<h1>Payment <span id="status" class="status ${esc(p.status)}">${esc(p.status)}</span></h1>
<p>Order <strong>${esc(p.orderId)}</strong> · ${esc((p.amount / 100).toFixed(2))} ${esc(p.currency)} · ${esc(p.card.brand ?? '')} •••• ${esc(p.card.last4 ?? '')}</p>
<p id="waiting" class="muted"${open ? '' : ' hidden'}>Waiting for MultiSafepay to confirm…</p>
${captureBlock(p)}
${savedCardBlock(p)}
<h2>History</h2>
<table><thead><tr><th>from</th><th>to</th><th>source</th><th>at</th></tr></thead><tbody id="events">${rows}</tbody></table>
<h2>Events pushed to subscribers</h2>
<p class="muted">What the built-in demo subscriber received: signed webhooks (Standard Webhooks), verified on arrival.</p>
<table><thead><tr><th>#</th><th>type</th><th>id</th><th>received</th></tr></thead><tbody id="pushed">${pushed}</tbody></table>
<p><a href="/demo">New payment</a></p>`,
    // Polls while the payment is open, and a little after, for the last pushed event.
    // A page rendered while the payment was open is rendered again once it settles, so what
    // depends on the final status (Capture and Release, the saved card) appears.
    `const OPEN=${JSON.stringify(OPEN_STATUSES)};const RENDERED_OPEN=${open};let settled=0;
const esc=(v)=>String(v).replace(/[&<>"']/g,(c)=>'&#'+c.charCodeAt(0)+';');
async function poll(){const r=await fetch('/demo/status/${esc(p.id)}');const p2=await r.json();
const s=document.getElementById('status');s.textContent=p2.status;s.className='status '+p2.status;
document.getElementById('events').innerHTML=p2.events.map((e)=>'<tr><td>'+esc(e.from??'—')+'</td><td>'+esc(e.to)+'</td><td>'+esc(e.source)+'</td><td>'+esc(e.at)+'</td></tr>').join('');
document.getElementById('pushed').innerHTML=p2.pushed.map((e)=>'<tr><td>'+esc(e.sequence??'')+'</td><td>'+esc(e.type)+'</td><td>'+esc(e.id)+'</td><td>'+esc(e.receivedAt)+'</td></tr>').join('');
if(RENDERED_OPEN&&!OPEN.includes(p2.status)){location.reload();return}
if(!OPEN.includes(p2.status)&&p2.capture&&!document.getElementById('capture-state')){location.reload();return}
if(p2.savedCard&&!document.getElementById('saved-card')){location.reload();return}
if(OPEN.includes(p2.status)){setTimeout(poll,500)}else{document.getElementById('waiting').hidden=true;document.title='Payment '+p2.status;if(++settled<8)setTimeout(poll,500)}}
setTimeout(poll,${open ? 300 : 0});`,
  );
}

/** Manual capture: what is held and taken, and the Capture and Release buttons while authorized. */
function captureBlock(p: DemoPayment): string {
  if (!p.capture) return '';
  const money = (minor: number): string => `${(minor / 100).toFixed(2)} ${p.currency}`;
  const actions =
    p.status === 'authorized'
      ? `<form method="post" action="/demo/result/${esc(p.id)}/capture" class="row">
  <div><label for="captureAmount">Amount to capture</label><input id="captureAmount" name="amount" value="${esc((p.capture.capturableAmount / 100).toFixed(2))}" inputmode="decimal"></div>
  <div><button type="submit" id="capture">Capture</button></div>
</form>
<form method="post" action="/demo/result/${esc(p.id)}/release"><button type="submit" id="release" style="background:#8a2b2b">Release the rest</button></form>`
      : '';
  return `<h2>Capture</h2>
<p id="capture-state">Captured <strong id="captured">${esc(money(p.capture.capturedAmount))}</strong> · still capturable <strong id="capturable">${esc(money(p.capture.capturableAmount))}</strong>${p.capture.expiresAt ? ` · the authorization lapses at ${esc(p.capture.expiresAt)}` : ''}</p>
${actions}`;
}

/** Saved cards: the card this payment saved, and paying again with it (no card fields). */
function savedCardBlock(p: DemoPayment): string {
  if (!p.savedCard) return '';
  const c = p.savedCard;
  return `<h2>Saved card</h2>
<p id="saved-card">${esc(c.brand ?? '')} •••• ${esc(c.last4 ?? '')} · ${esc(c.model)} · <span class="muted">${esc(c.id)}</span></p>
<form method="post" action="/demo/result/${esc(p.id)}/pay-again"><button type="submit" id="payAgain">Pay ${esc((p.amount / 100).toFixed(2))} ${esc(p.currency)} again with the saved card</button></form>`;
}
