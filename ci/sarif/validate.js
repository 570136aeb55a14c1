#!/usr/bin/env node
// Validates SARIF logs against the SARIF 2.1.0 JSON schema with Ajv (a real JSON-schema
// validator). The schema is a draft-04 schema, which Ajv 6 validates with its draft-04 meta-schema.
//   node ci/sarif/validate.js LOG.sarif...     exit 0 valid, 1 invalid, 2 tools missing
'use strict';
const fs = require('fs');
const path = require('path');

let Ajv, schema;
try {
  Ajv = require('ajv');
  schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
} catch (e) {
  console.error('validate.js: validator or schema not installed (run ci/setup): ' + e.message);
  process.exit(2);
}

const ajv = new Ajv({schemaId: 'auto', allErrors: true, format: 'full'});
ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
const validate = ajv.compile(schema);

let failed = false;
for (const file of process.argv.slice(2)) {
  const log = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (validate(log)) {
    console.log(`${file}: valid SARIF 2.1.0 (${schema.title})`);
  } else {
    failed = true;
    for (const err of validate.errors) console.log(`${file}: ${err.dataPath || '/'} ${err.message}`);
  }
}
process.exit(failed ? 1 : 0);
