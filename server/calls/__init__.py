"""Call records the seats report (app.telephony): stored once, read masked."""
