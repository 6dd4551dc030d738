const http = require('http');

/**
 * Sends one HTTP request to the local server and parses the JSON response. Each request
 * uses its own connection (no keep-alive), so no idle socket outlives the test.
 */
function requestJson(url, { method = 'GET', body } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const request = http.request(
      url,
      {
        method,
        agent: false,
        headers: payload ? { 'content-type': 'application/json' } : {},
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: response.statusCode, body: JSON.parse(text) });
          } catch {
            reject(
              new Error(`${method} ${url} answered ${response.statusCode} with non-JSON text`),
            );
          }
        });
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

module.exports = { requestJson };
