FROM continuumio/miniconda3:24.1.2-0
WORKDIR /opt/app
COPY environment.yml .
RUN conda env create -f environment.yml && conda clean -afy
COPY . .
# a SHELL that is not POSIX is not a Windows image: the order of the steps still counts
# expect: JL103 "useradd -m analyst"
RUN useradd -m analyst
USER analyst
SHELL ["conda", "run", "-n", "analysis", "/bin/bash", "-c"]
ENTRYPOINT ["conda", "run", "--no-capture-output", "-n", "analysis", "python", "run.py"]
