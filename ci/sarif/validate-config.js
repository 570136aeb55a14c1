#!/usr/bin/env node
// Validates .loclint.yaml files against the configuration's JSON Schema the way an editor with
// yaml-language-server does: parsed by the `yaml` package (YAML 1.2, the parser
// yaml-language-server uses), checked by Ajv (draft-07).
//   node ci/sarif/validate-config.js SCHEMA.json FILE.yaml...
// Prints one line per file, "FILE: valid" or "FILE: invalid: PATH MESSAGE; ...";
// exit 0 all valid, 1 some invalid, 2 tools missing.
'use strict';
const fs = require('fs');

let Ajv, YAML;
try {
  Ajv = require('ajv');
  YAML = require('yaml');
} catch (e) {
  console.error('validate-config.js: Ajv or yaml not installed (run ci/setup --test-tools): ' + e.message);
  process.exit(2);
}

const [schemaFile, ...files] = process.argv.slice(2);
const ajv = new Ajv({allErrors: true});
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));

let failed = false;
for (const file of files) {
  const doc = YAML.parseDocument(fs.readFileSync(file, 'utf8'), {uniqueKeys: true});
  if (doc.errors.length) {
    failed = true;
    console.log(`${file}: invalid: YAML ${doc.errors.map((e) => e.message.split('\n')[0]).join('; ')}`);
    continue;
  }
  if (validate(doc.toJSON())) {
    console.log(`${file}: valid`);
  } else {
    failed = true;
    console.log(`${file}: invalid: ` + validate.errors.map((e) => `${e.dataPath || '/'} ${e.message}`).join('; '));
  }
}
process.exit(failed ? 1 : 0);
