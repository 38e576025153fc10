#!/usr/bin/env python3
"""Decrypts a Keystep vault or backup file without Keystep and prints its payload (your accounts and their
secrets).

This is the reference decryptor of docs/vault-format.md: it reads envelope versions 1 and 2 and refuses any
other. It needs only Python 3 and PyNaCl (Debian/Ubuntu: apt install python3-nacl; elsewhere:
pip install pynacl).

Usage:
  reference-decrypt.py VAULT --keychain             the key of the keychain slot, through secret-tool (Linux)
  reference-decrypt.py VAULT --password-file FILE   the password slot, unlocked with the password in FILE
  reference-decrypt.py VAULT --key-file FILE        the vault key itself: FILE holds its base64 (32 bytes)

A password file holds the password as typed; one trailing "\\n" or "\\r\\n" is removed, and the rest is
taken in Unicode NFC form (as Keystep does).
The payload is printed as JSON on standard output. It contains your secrets: keep it safe. On any failure
the script prints why on standard error and exits with status 1 (2 for a wrong command line).
"""

import argparse
import base64
import binascii
import json
import subprocess
import sys
import unicodedata

try:
    from nacl.bindings import crypto_aead_xchacha20poly1305_ietf_decrypt
    from nacl.exceptions import CryptoError
    import nacl.pwhash.argon2id
except ImportError:
    sys.stderr.write(
        "reference-decrypt: error: PyNaCl is missing: install python3-nacl (Debian/Ubuntu) or "
        "run `pip install pynacl`\n"
    )
    sys.exit(1)

KNOWN_VERSIONS = (1, 2)
# The limits Keystep itself applies: a damaged or hostile slot must not ask for gigabytes or hours.
MIN_MEMORY_KIB = 65536
MAX_MEMORY_KIB = 1048576
MAX_ITERATIONS = 64


class Failure(Exception):
    """A reason to stop, shown to the person as it is."""


def b64(value, what, length=None):
    """Decodes strict RFC 4648 base64 (standard alphabet, padded), optionally of an exact length."""
    if not isinstance(value, str):
        raise Failure(f"{what} is not a base64 string: the file is damaged")
    try:
        raw = base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise Failure(f"{what} is not valid base64: the file is damaged") from None
    if length is not None and len(raw) != length:
        raise Failure(f"{what} is {len(raw)} bytes instead of {length}: the file is damaged")
    return raw


def whole_number(slot, field):
    value = slot.get(field)
    if not isinstance(value, int) or isinstance(value, bool):
        raise Failure(f"the password slot's {field} is not a whole number: the file is damaged")
    return value


def read_envelope(path):
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise Failure(f"cannot read {path}: {e.strerror}") from None
    try:
        envelope = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise Failure(f"{path} is not a Keystep vault (not UTF-8 JSON)") from None
    if not isinstance(envelope, dict) or envelope.get("format") != "keystep-vault":
        raise Failure(f'{path} is not a Keystep vault (no "format": "keystep-vault")')
    version = envelope.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise Failure(f"the envelope version {json.dumps(version)} is not valid: the file is damaged")
    if version not in KNOWN_VERSIONS:
        raise Failure(
            f"the envelope version is {version}, newer than this script knows "
            f"({' and '.join(map(str, KNOWN_VERSIONS))}): get a newer scripts/reference-decrypt.py"
        )
    if not isinstance(envelope.get("vault_id"), str) or not envelope["vault_id"]:
        raise Failure("the vault id is missing: the file is damaged")
    if not isinstance(envelope.get("slots"), list) or not all(isinstance(s, dict) for s in envelope["slots"]):
        raise Failure("the slots are missing: the file is damaged")
    if not isinstance(envelope.get("payload"), dict):
        raise Failure("the payload is missing: the file is damaged")
    return envelope


def slots_of(envelope, kind):
    slots = [s for s in envelope["slots"] if s.get("type") == kind]
    if not slots:
        present = ", ".join(sorted({str(s.get("type")) for s in envelope["slots"]})) or "none"
        raise Failure(f"this vault has no {kind} slot (its slots: {present})")
    return slots


def key_from_text(text, what):
    """The vault key from its base64 text, as the keychain and an exported key file hold it."""
    return b64(text.strip(), what, 32)


def key_from_file(path):
    try:
        with open(path, "rb") as f:
            text = f.read().decode("ascii")
    except OSError as e:
        raise Failure(f"cannot read the key file {path}: {e.strerror}") from None
    except UnicodeDecodeError:
        raise Failure(f"the key file {path} does not hold base64 text") from None
    return key_from_text(text, "the key in the key file")


def key_from_keychain(envelope):
    reasons = []
    for slot in slots_of(envelope, "keychain"):
        service, account = slot.get("service"), slot.get("account")
        if not isinstance(service, str) or not isinstance(account, str):
            raise Failure("the keychain slot has no service or account: the file is damaged")
        try:
            found = subprocess.run(
                ["secret-tool", "lookup", "service", service, "username", account],
                capture_output=True,
                text=True,
            )
        except FileNotFoundError:
            raise Failure("secret-tool is missing: install libsecret-tools, or use --key-file") from None
        if found.returncode != 0 or not found.stdout.strip():
            reasons.append(f"no key in the keychain for service {service} account {account}")
            continue
        return key_from_text(found.stdout, "the key in the keychain")
    raise Failure("; ".join(reasons))


def read_password(path):
    try:
        with open(path, "rb") as f:
            password = f.read()
    except OSError as e:
        raise Failure(f"cannot read the password file {path}: {e.strerror}") from None
    if password.endswith(b"\r\n"):
        password = password[:-2]
    elif password.endswith(b"\n"):
        password = password[:-1]
    if not password:
        raise Failure(f"the password file {path} is empty")
    try:
        # Keystep derives from the NFC form, so "é" typed as one character or as e + accent is the same.
        password = unicodedata.normalize("NFC", password.decode("utf-8")).encode("utf-8")
    except UnicodeDecodeError:
        raise Failure(f"the password file {path} is not UTF-8 text") from None
    return password


def unwrap_password_slot(vault_id, slot, password):
    """The vault key from one password slot, or None when the password (or the slot) is wrong."""
    if slot.get("kdf") != "argon2id":
        raise Failure(f"the password slot's kdf {json.dumps(slot.get('kdf'))} is not argon2id")
    argon2_version = whole_number(slot, "argon2_version")
    memory_kib = whole_number(slot, "memory_kib")
    iterations = whole_number(slot, "iterations")
    parallelism = whole_number(slot, "parallelism")
    # libsodium (and so PyNaCl) computes Argon2 version 0x13 with one lane only.
    if argon2_version != 19:
        raise Failure(f"the password slot's argon2_version {argon2_version} is not 19 (0x13)")
    if parallelism != 1:
        raise Failure(f"the password slot's parallelism {parallelism} is not 1")
    if not MIN_MEMORY_KIB <= memory_kib <= MAX_MEMORY_KIB:
        raise Failure(
            f"the password slot's memory_kib {memory_kib} is outside {MIN_MEMORY_KIB}-{MAX_MEMORY_KIB}: "
            "the file is damaged"
        )
    if not 1 <= iterations <= MAX_ITERATIONS:
        raise Failure(
            f"the password slot's iterations {iterations} is outside 1-{MAX_ITERATIONS}: the file is damaged"
        )
    salt_text = slot.get("salt")
    salt = b64(salt_text, "the password slot's salt", nacl.pwhash.argon2id.SALTBYTES)
    nonce = b64(slot.get("nonce"), "the password slot's nonce", 24)
    wrapped_key = b64(slot.get("wrapped_key"), "the password slot's wrapped_key", 32 + 16)

    try:
        kek = nacl.pwhash.argon2id.kdf(
            32, password, salt, opslimit=iterations, memlimit=memory_kib * 1024
        )
    except (MemoryError, RuntimeError, ValueError) as e:
        raise Failure(f"Argon2id failed (memory_kib {memory_kib}, iterations {iterations}): {e}") from None
    # The salt goes into the associated data as the text stored in the file, not re-encoded.
    aad = (
        f"keystep-vault/password-slot/{vault_id}/argon2id/v={argon2_version}"
        f"/m={memory_kib}/t={iterations}/p={parallelism}/salt={salt_text}"
    ).encode("utf-8")
    try:
        return crypto_aead_xchacha20poly1305_ietf_decrypt(wrapped_key, aad, nonce, kek)
    except CryptoError:
        return None


def key_from_password(envelope, password_file):
    password = read_password(password_file)
    for slot in slots_of(envelope, "password"):
        key = unwrap_password_slot(envelope["vault_id"], slot, password)
        if key is not None:
            return key
    raise Failure("wrong password (or the password slot was changed)")


def decrypt_payload(envelope, key, from_slot):
    payload = envelope["payload"]
    if payload.get("cipher") != "XChaCha20-Poly1305":
        raise Failure(f"the payload cipher {json.dumps(payload.get('cipher'))} is not XChaCha20-Poly1305")
    nonce = b64(payload.get("nonce"), "the payload nonce", 24)
    data = b64(payload.get("data"), "the payload data")
    aad = f"keystep-vault/{envelope['version']}/{envelope['vault_id']}".encode("utf-8")
    try:
        plain = crypto_aead_xchacha20poly1305_ietf_decrypt(data, aad, nonce, key)
    except CryptoError:
        if from_slot:
            raise Failure(
                "the password opened its slot but the key does not open the payload: the file is damaged"
            ) from None
        raise Failure("the key does not open the payload (a wrong key, or the file was changed)") from None
    try:
        decoded = json.loads(plain.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise Failure("the payload decrypted but is not UTF-8 JSON: the file is damaged") from None
    if not isinstance(decoded, dict):
        raise Failure("the payload decrypted but is not a JSON object: the file is damaged")
    return decoded


def main():
    parser = argparse.ArgumentParser(
        prog="reference-decrypt.py",
        description="Decrypt a Keystep vault or backup file (envelope version 1 or 2) and print its payload.",
    )
    parser.add_argument("vault", metavar="VAULT", help="the vault file: vault.ksv or keystep-backup-*.ksv")
    how = parser.add_mutually_exclusive_group(required=True)
    how.add_argument("--keychain", action="store_true",
                     help="read the vault key from the keychain slot with secret-tool")
    how.add_argument("--password-file", metavar="FILE",
                     help="open the password slot with the password in FILE (one trailing newline removed)")
    how.add_argument("--key-file", metavar="FILE",
                     help="use the vault key given as base64 of its 32 bytes in FILE")
    args = parser.parse_args()

    try:
        envelope = read_envelope(args.vault)
        if args.keychain:
            key = key_from_keychain(envelope)
        elif args.password_file is not None:
            key = key_from_password(envelope, args.password_file)
        else:
            key = key_from_file(args.key_file)
        payload = decrypt_payload(envelope, key, from_slot=args.password_file is not None)
    except Failure as e:
        sys.stderr.write(f"reference-decrypt: error: {e}\n")
        return 1

    sys.stdout.buffer.write(json.dumps(payload, indent=2, ensure_ascii=False).encode("utf-8") + b"\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
