-- The package expiry sweep claims ACTIVE packages whose validity has passed, oldest first, in batches.
create index patient_package_active_until on patient_package (valid_until) where status = 'ACTIVE';
