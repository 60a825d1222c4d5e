-- Issue 19, emails in the patient's language. A message is worded, when it goes, in
-- coalesce(mail_preference.language, mail_outbox.language, 'en'): the language the patient chose
-- (the switcher on every page, or their profile), else that of the patient's request that caused the
-- message (a job's, or staff's, leaves it null), else English. Both hold a language tag: en, es.
alter table mail_preference add column language text;
alter table mail_outbox add column language text;
