-- One bank generation per organization (and '' for the public bank) instead of one for all: a
-- question written in one organization no longer makes every other organization's process re-read
-- its kept pool. The old triggers go first: they write to the table dropped at the end.
DROP TRIGGER `bank_generation_on_insert`;
--> statement-breakpoint
DROP TRIGGER `bank_generation_on_update`;
--> statement-breakpoint
DROP TRIGGER `bank_generation_on_delete`;
--> statement-breakpoint
CREATE TABLE `bank_generations` (
	`scope` text PRIMARY KEY NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
-- The public count carries on from the old one, so a sum a process kept can only move up.
INSERT INTO `bank_generations` (`scope`, `n`) SELECT '', `n` FROM `bank_generation`;
--> statement-breakpoint
CREATE TRIGGER `bank_generations_on_insert` AFTER INSERT ON `questions`
BEGIN
	INSERT INTO `bank_generations` (`scope`, `n`) VALUES (coalesce(NEW.`org_id`, ''), 1)
		ON CONFLICT (`scope`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
-- A question that changes hands moves both banks.
CREATE TRIGGER `bank_generations_on_update` AFTER UPDATE ON `questions`
BEGIN
	INSERT INTO `bank_generations` (`scope`, `n`) VALUES (coalesce(NEW.`org_id`, ''), 1)
		ON CONFLICT (`scope`) DO UPDATE SET `n` = `n` + 1;
	INSERT INTO `bank_generations` (`scope`, `n`) SELECT coalesce(OLD.`org_id`, ''), 1 WHERE OLD.`org_id` IS NOT NEW.`org_id`
		ON CONFLICT (`scope`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `bank_generations_on_delete` AFTER DELETE ON `questions`
BEGIN
	INSERT INTO `bank_generations` (`scope`, `n`) VALUES (coalesce(OLD.`org_id`, ''), 1)
		ON CONFLICT (`scope`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
DROP TABLE `bank_generation`;
