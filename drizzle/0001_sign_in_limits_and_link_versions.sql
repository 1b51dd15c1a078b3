ALTER TABLE `invitations` ADD `token_version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `login_throttle` ADD `account` text;--> statement-breakpoint
CREATE INDEX `login_throttle_account` ON `login_throttle` (`account`);--> statement-breakpoint
ALTER TABLE `login_throttle` DROP COLUMN `next_allowed_at`;