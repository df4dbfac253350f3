/**
 * Synthetic log lines on the seeded PRNG, in the formats the agent's LOGTOJSON understands:
 * Apache combined access log, Apache error log, BSD syslog, RFC 3339 syslog, plus JSON
 * application logs (with occasional multi-line stack traces for multiLineStartPattern).
 * Same seed ⇒ same lines.
 */
import type { Prng } from '../random/prng';

export const LOG_KINDS = ['apache-access', 'apache-error', 'syslog', 'rfc3339-syslog', 'json-app'] as const;
export type LogKind = (typeof LOG_KINDS)[number];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const PATHS = ['/', '/index.html', '/api/orders', '/api/orders/42', '/login', '/static/app.js', '/images/logo.png', '/health'];
const METHODS = ['GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE'];
const STATUSES = [200, 200, 200, 200, 201, 204, 301, 304, 400, 403, 404, 500, 503];
const AGENTS = ['Mozilla/5.0 (X11; Linux x86_64)', 'curl/8.5.0', 'Go-http-client/1.1', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)'];
const PROGRAMS = ['sshd', 'cron', 'systemd', 'kernel', 'nginx', 'postfix/smtpd'];
const MESSAGES = ['Accepted publickey for ec2-user', 'session opened for user root', 'Started Daily apt upgrade', 'Connection closed by 10.0.4.2', 'disk usage at 81%'];
const ERRORS = ['File does not exist: /var/www/html/favicon.ico', 'client denied by server configuration', 'script not found or unable to stat', 'AH01630: client denied'];
const LEVELS = ['INFO', 'INFO', 'INFO', 'WARN', 'ERROR', 'DEBUG'];

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function ip(p: Prng): string {
  return `${p.intInclusive(10, 203)}.${p.intInclusive(0, 255)}.${p.intInclusive(0, 255)}.${p.intInclusive(1, 254)}`;
}

function httpDate(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

function syslogDate(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** One log entry (possibly several lines for a JSON app error with a stack trace), ending in "\n". */
export function logLine(kind: LogKind, p: Prng, nowMs: number, host = 'ip-10-0-1-17'): string {
  switch (kind) {
    case 'apache-access': {
      const user = p.chance(1, 10) ? 'alice' : '-';
      const status = p.pick(STATUSES);
      const bytes = status === 204 || status === 304 ? '-' : String(p.intInclusive(120, 48_000));
      return `${ip(p)} - ${user} [${httpDate(nowMs)}] "${p.pick(METHODS)} ${p.pick(PATHS)} HTTP/1.1" ${status} ${bytes} "-" "${p.pick(AGENTS)}"\n`;
    }
    case 'apache-error': {
      const d = new Date(nowMs);
      const ts = `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}000 ${d.getUTCFullYear()}`;
      return `[${ts}] [${p.pick(['core', 'authz_core', 'php7'])}:${p.pick(['error', 'warn', 'notice'])}] [pid ${p.intInclusive(1000, 40000)}:tid ${p.intInclusive(1e9, 4e9)}] [client ${ip(p)}:${p.intInclusive(1024, 65535)}] ${p.pick(ERRORS)}\n`;
    }
    case 'syslog':
      return `${syslogDate(nowMs)} ${host} ${p.pick(PROGRAMS)}[${p.intInclusive(100, 32000)}]: ${p.pick(MESSAGES)}\n`;
    case 'rfc3339-syslog':
      return `${new Date(nowMs).toISOString().replace('Z', '+00:00')} ${host} ${p.pick(PROGRAMS)}[${p.intInclusive(100, 32000)}]: ${p.pick(MESSAGES)}\n`;
    case 'json-app': {
      const level = p.pick(LEVELS);
      const line = JSON.stringify({ time: new Date(nowMs).toISOString(), level, service: 'orders', requestId: p.uuid(), latencyMs: p.intInclusive(1, 900), msg: level === 'ERROR' ? 'payment failed' : 'order processed' });
      return level === 'ERROR' && p.chance(1, 2)
        ? `${line}\njava.lang.IllegalStateException: card declined\n    at com.example.Payments.charge(Payments.java:88)\n    at com.example.Orders.place(Orders.java:41)\n`
        : `${line}\n`;
    }
  }
}

/** The agent.json flow pieces that suit a generator's format (for the console's presets). */
export function suggestedProcessing(kind: LogKind): Record<string, unknown> {
  switch (kind) {
    case 'apache-access': return { dataProcessingOptions: [{ optionName: 'LOGTOJSON', logFormat: 'COMBINEDAPACHELOG' }] };
    case 'apache-error': return { dataProcessingOptions: [{ optionName: 'LOGTOJSON', logFormat: 'APACHEERRORLOG' }] };
    case 'syslog': return { dataProcessingOptions: [{ optionName: 'LOGTOJSON', logFormat: 'SYSLOG' }] };
    case 'rfc3339-syslog': return { dataProcessingOptions: [{ optionName: 'LOGTOJSON', logFormat: 'RFC3339SYSLOG' }] };
    case 'json-app': return { multiLineStartPattern: '\\{', dataProcessingOptions: [{ optionName: 'SINGLELINE' }] };
  }
}
