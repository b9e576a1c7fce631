/** Fixed, short error bodies: no stack, host name or error message ever reaches a client. */

const FIXED_BODIES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The fixed body for `status` (any unlisted 4xx is sent as 400, 5xx as 500). */
export function describeStatus(status: number): { status: number; body: string } {
  const known = FIXED_BODIES[status];
  if (known) return { status, body: known };
  return status >= 400 && status < 500 ? { status: 400, body: 'Bad Request' } : { status: 500, body: 'Internal Server Error' };
}
