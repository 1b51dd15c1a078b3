CREATE TABLE `question_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` text NOT NULL,
	`question_id` text NOT NULL,
	`version` integer,
	`actor_id` text,
	`action` text NOT NULL,
	`body` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `question_events_question` ON `question_events` (`question_id`,`at`);--> statement-breakpoint
CREATE INDEX `question_events_org` ON `question_events` (`org_id`,`at`);--> statement-breakpoint
CREATE TABLE `question_exposure` (
	`org_id` text NOT NULL,
	`question_id` text NOT NULL,
	`drawn` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`org_id`, `question_id`),
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `question_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text,
	`attempt_id` text NOT NULL,
	`question_id` text NOT NULL,
	`question_version` integer NOT NULL,
	`reason` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`resolved_by` text,
	`resolved_at` integer,
	`resolution` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `question_reports_org` ON `question_reports` (`org_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `question_reports_question` ON `question_reports` (`question_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `question_reports_attempt_question` ON `question_reports` (`attempt_id`,`question_id`);--> statement-breakpoint
CREATE TABLE `regrade_changes` (
	`regrade_id` text NOT NULL,
	`attempt_id` text NOT NULL,
	`before_percent` real,
	`after_percent` real,
	`before_passed` integer,
	`after_passed` integer,
	PRIMARY KEY(`regrade_id`, `attempt_id`),
	FOREIGN KEY (`regrade_id`) REFERENCES `regrades`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `regrade_changes_attempt` ON `regrade_changes` (`attempt_id`);--> statement-breakpoint
CREATE TABLE `regrades` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`question_id` text NOT NULL,
	`kind` text NOT NULL,
	`accepted_answer` text,
	`note` text DEFAULT '' NOT NULL,
	`actor_id` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `regrades_org` ON `regrades` (`org_id`,`at`);--> statement-breakpoint
ALTER TABLE `attempt_items` ADD `variant` text;--> statement-breakpoint
ALTER TABLE `attempt_items` ADD `scoring` text;--> statement-breakpoint
ALTER TABLE `invitations` ADD `group_label` text;--> statement-breakpoint
ALTER TABLE `organizations` ADD `require_question_approval` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `question_versions` ADD `source_text` text;--> statement-breakpoint
ALTER TABLE `question_versions` ADD `variant` text;--> statement-breakpoint
ALTER TABLE `question_versions` ADD `author_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `question_versions` ADD `change_note` text;--> statement-breakpoint
ALTER TABLE `questions` ADD `org_id` text REFERENCES organizations(id);--> statement-breakpoint
CREATE INDEX `questions_org` ON `questions` (`org_id`,`status`);--> statement-breakpoint
ALTER TABLE `responses` ADD `grading` text;--> statement-breakpoint
ALTER TABLE `skill_areas` ADD `org_id` text REFERENCES organizations(id);--> statement-breakpoint
CREATE INDEX `skill_areas_org` ON `skill_areas` (`org_id`);