package io.jlint.rules.image;

import com.google.auto.service.AutoService;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.image.FileEntry;
import io.jlint.image.ImageModel;
import io.jlint.image.TarEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Files of the final filesystem with the setuid or setgid bit that are not among the programs distributions ship
 * that way ({@code passwd}, {@code su}, {@code sudo}, {@code mount}, {@code ping}, {@code newgrp}, {@code chage},
 * {@code unix_chkpwd}, {@code ssh-keysign}, Chrome's {@code chrome-sandbox}, …, in the system's program folders).
 * Setgid directories (group inheritance, not privilege) are not reported.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL1704", name = "unexpected-setuid-file", category = Category.SECURITY, severity = Severity.INFO,
        summary = "A file outside the usual system programs has the setuid or setgid bit",
        equivalents = {"dockle:CIS-DI-0008"})
public final class Jl1704UnexpectedSetuid implements Rule<ImageModel> {

    /** At most this many files are named one by one. */
    static final int MAX_FINDINGS = 20;

    /** Programs distributions install setuid or setgid. */
    static final Set<String> KNOWN = Set.of("passwd", "chsh", "chfn", "gpasswd", "newgrp", "sg", "su", "sudo",
            "sudoedit", "mount", "umount", "ping", "ping6", "pkexec", "fusermount", "fusermount3", "newuidmap",
            "newgidmap", "ssh-keysign", "ssh-agent", "dbus-daemon-launch-helper", "polkit-agent-helper-1", "chage",
            "expiry", "crontab", "unix_chkpwd", "unix2_chkpwd", "pam_extrausers_chkpwd", "wall", "write",
            "bsd-write", "at", "mount.nfs", "mount.cifs", "mount.ecryptfs_private", "Xorg.wrap", "Xorg", "staprun",
            "doas", "bbsuid", "mail-lock", "mail-unlock", "mail-touchlock", "dotlockfile", "postdrop", "postqueue",
            "procmail", "lockfile", "screen", "lppasswd", "utempter", "locate", "mlocate", "plocate", "slocate",
            "ksu", "chrome-sandbox", "traceroute6.iputils", "arping", "clockdiff", "userhelper", "usernetctl",
            "pt_chown", "ntfs-3g", "camel-lock-helper-1.2", "lockdev", "exim4", "sendmail", "maildrop",
            "dma", "dma-mbox-create", "uuidd", "ssh-keysign-wrapper", "suexec", "gnome-pty-helper", "vlock", "cu",
            "uucp", "uux", "netreport", "pam_timestamp_check", "sudo_logsrvd", "newrole", "seunshare",
            "cgexec", "cgclassify", "kismet_capture", "dumpcap", "pppd", "unix_update", "mount.fuse3");
    private static final List<String> SYSTEM_DIRS = List.of("/bin/", "/sbin/", "/usr/bin/", "/usr/sbin/", "/usr/lib",
            "/usr/libexec/", "/lib", "/usr/local/bin/", "/usr/local/sbin/", "/opt/google/chrome/",
            "/opt/microsoft/msedge/", "/usr/share/");

    @Override
    public Class<ImageModel> subjectType() {
        return ImageModel.class;
    }

    @Override
    public void check(ImageModel m, RuleContext context, FindingSink out) {
        List<FileEntry> found = new ArrayList<>();
        m.tree().forEachEntry(e -> {
            if ((e.isSetuid() || e.isSetgid()) && e.type() != TarEntry.Type.DIRECTORY
                    && e.type() != TarEntry.Type.SYMLINK && !known(e.path())) {
                found.add(e);
            }
        });
        for (int i = 0; i < Math.min(MAX_FINDINGS, found.size()); i++) {
            FileEntry e = found.get(i);
            String bits = e.isSetuid() && e.isSetgid() ? "setuid and setgid" : e.isSetuid() ? "setuid" : "setgid";
            String owner = e.isSetuid() ? (e.uid() == 0 ? "root" : "user " + e.uid())
                    : (e.gid() == 0 ? "group root" : "group " + e.gid());
            out.reportImage(e.layer(), e.path(), "The file is " + bits + " (mode " + String.format("%04o", e.mode())
                    + ", runs with the rights of " + owner + ") and is not one of the system programs that need"
                    + " it: a flaw in it lets a user gain those rights; remove the bit (chmod u-s,g-s) in the step"
                    + " that adds it" + (i == MAX_FINDINGS - 1 && found.size() > MAX_FINDINGS
                    ? " (and " + (found.size() - MAX_FINDINGS) + " more such files)" : ""));
        }
    }

    static boolean known(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        if (!KNOWN.contains(base)) {
            return false;
        }
        for (String d : SYSTEM_DIRS) {
            if (path.startsWith(d)) {
                return true;
            }
        }
        return false;
    }
}
