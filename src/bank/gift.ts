/**
 * GIFT interop with Moodle: read GIFT (`readGift`), turn it into our Markdown (`importGift`,
 * `topicFileText`), and write our questions as GIFT (`exportGift`). All pure: files are the CLIs' job.
 */
export { escapeGift, exportGift } from './gift-export';
export {
  type GiftImportOptions,
  type ImportedQuestion,
  type ImportedTopic,
  importGift,
  topicFileText,
} from './gift-import';
export {
  type GiftAnswer,
  type GiftFormat,
  type GiftMessage,
  type GiftNumber,
  type GiftQuestion,
  giftBlank,
  readGift,
} from './gift-read';
export { escapeMarkdown, giftTextToMarkdown, htmlToMarkdown } from './gift-text';
