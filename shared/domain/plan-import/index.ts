/** Public surface of the plan importer. */
export { parseDeadline } from './deadline';
export { parseVietnameseNumber } from './numbers';
export { parsePlanBytes } from './parse-bytes';
export { documentXmlToText, parsePlanDocx } from './parse-docx';
export { parsePlanText } from './parse-text';
