"""audit feature: who revealed, exported, signed in, was refused or changed the set-up."""
