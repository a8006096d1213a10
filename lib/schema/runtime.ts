/**
 * The schema libraries, loaded on first use: importing eventform (for example from a construct that never touches
 * a schema) then costs nothing, and a JSON-only user never loads protobufjs.
 */
export const runtime = {
  avsc: (): typeof import('avsc') => require('avsc'),
  ajv: (): typeof import('ajv') => require('ajv'),
  ajv2019: (): typeof import('ajv/dist/2019') => require('ajv/dist/2019'),
  ajv2020: (): typeof import('ajv/dist/2020') => require('ajv/dist/2020'),
  ajvFormats: (): typeof import('ajv-formats') => require('ajv-formats'),
  protobuf: (): typeof import('protobufjs') => require('protobufjs'),
};
