package io.expanse.work.nas;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Child process of {@link PackCrashSafetyTest}: opens the pack list, prints {@code READY} (or {@code PROBLEM …}),
 * then in a loop adds a pack, changes its capacity, and removes the one added ten steps before, printing
 * {@code ADD|CAPACITY|REMOVE <id> [gb]} after each change returned, until it is killed.
 */
public final class PackWriterMain {

    private PackWriterMain() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        PackInventory inv = new PackInventory(Path.of(args[0]), "crash", "region-1");
        if (inv.loadProblem().isPresent()) {
            out.println("PROBLEM " + inv.loadProblem().get());
            out.flush();
            System.exit(3);
        }
        out.println("READY " + inv.list().size());
        out.flush();
        String run = args[1];
        for (int i = 0; ; i++) {
            String id = "pack-r" + run + "n" + i;
            inv.add(new ResourcePack(id, "run " + run, 100, "2027-01-01", null));
            out.println("ADD " + id);
            out.flush();
            inv.updateCapacity(id, 200);
            out.println("CAPACITY " + id + " 200");
            out.flush();
            if (i >= 10) {
                String old = "pack-r" + run + "n" + (i - 10);
                inv.remove(old);
                out.println("REMOVE " + old);
                out.flush();
            }
        }
    }
}
