// Reads {"secret", "headers", "body"} as JSON on stdin and verifies the message with the
// standardwebhooks package (not the ledger's own signer). Prints "valid" or "invalid: <reason>".
const { Webhook } = require('standardwebhooks');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const { secret, headers, body } = JSON.parse(input);
  try {
    new Webhook(secret).verify(body, headers);
    console.log('valid');
  } catch (e) {
    console.log('invalid: ' + e.message);
  }
});
