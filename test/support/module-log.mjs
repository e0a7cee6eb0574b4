// Preloaded with `node --import` (NODE_OPTIONS): appends every CommonJS module the process loads,
// as `<request> <- <parent file>`, to the file in MODULE_LOG. CommonJS modules pass through
// Module._load whether they are required or imported from ESM; every OpenTelemetry package is
// CommonJS for Node, so none can load unseen.
import { appendFileSync } from 'node:fs';
import Module from 'node:module';

const file = process.env.MODULE_LOG;
if (file) {
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    appendFileSync(file, `${request} <- ${parent?.filename ?? '(entry)'}\n`);
    return load.call(this, request, parent, isMain);
  };
}
