/**
 * GIFT interop with Moodle: read GIFT (`readGift`), turn it into our Markdown (`importGift`,
 * `topicFileText`, `replaceQuestionBlock`), and write our questions as GIFT (`exportGift`). All
 * pure: files are the CLIs' job.
 */
export { orderingAsMatching } from '../question-types/ordering/source';
export { escapeGift } from './gift-escape';
export { exportGift } from './gift-export';
export {
  type GiftImportOptions,
  type ImportedQuestion,
  type ImportedTopic,
  importGift,
  type QuestionUpdate,
  replaceQuestionBlock,
  topicFileText,
} from './gift-import';
export { metadataComments, readMetadata, type SkillcheckMeta } from './gift-meta';
export {
  type GiftAnswer,
  type GiftFormat,
  type GiftMessage,
  type GiftNumber,
  type GiftQuestion,
  type GiftText,
  giftBlank,
  giftName,
  readGift,
} from './gift-read';
export { escapeMarkdown, giftTextToMarkdown, htmlToMarkdown, type LossReport } from './gift-text';
